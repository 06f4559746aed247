package io.postventa.console.pages;

import java.net.URI;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.console.ConsoleConfig;
import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.console.auth.ConsoleUser;
import io.postventa.console.clients.TicketClient;
import io.postventa.console.web.Calls;
import io.postventa.console.web.Formats;
import io.postventa.console.web.Pages;
import io.postventa.console.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The inbox: the tickets the person may see, in the order ticket-service returns them (most urgent first; the
 * console never re-sorts), with the SLA countdown, filters, "take next" and a self-refreshing list.
 */
@Path("/inbox")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InboxResource {
    /** Statuses that wait for the store (the inbox's default). */
    static final String ACTIVE = "NEW,OPEN,PENDING_CUSTOMER,ON_HOLD";
    /** The contracts' reasons and channels (platform/events), so a new one shows up without a change here. */
    static final List<String> REASONS = java.util.Arrays.stream(ContactReason.values()).map(Enum::name).toList();
    static final List<String> CHANNELS = java.util.Arrays.stream(ContactChannel.values()).map(Enum::name).toList();
    static final List<String> PRIORITIES = java.util.Arrays.stream(TicketPriority.values()).map(Enum::name).toList();

    /** The filters, as query parameters of the page (no personal data in them). */
    public static class Filters {
        @QueryParam("view")
        public String view;
        @QueryParam("team")
        public String team;
        @QueryParam("reason")
        public String reason;
        @QueryParam("channel")
        public String channel;
        @QueryParam("sla")
        public String sla;
        @QueryParam("notice")
        public String notice;

        String query() {
            StringBuilder q = new StringBuilder();
            add(q, "view", view);
            add(q, "team", team);
            add(q, "reason", reason);
            add(q, "channel", channel);
            add(q, "sla", sla);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append(q.length() == 0 ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** One row of the inbox. */
    @TemplateData
    public record Row(String id, String priority, String status, String reason, String channel, String customer,
            String orderId, String assignee, String subject, String sla, String slaText, String dueAt) {
    }

    private final TicketClient tickets;
    private final Calls calls;
    private final Pages pages;
    private final ConsoleUser user;
    private final ConsoleConfig config;
    private final Template inbox;
    private final Template rows;
    private final Clock clock = Clock.systemUTC();

    public InboxResource(@RestClient TicketClient tickets, Calls calls, Pages pages, ConsoleUser user,
            ConsoleConfig config, @Location("inbox.html") Template inbox, @Location("inbox-rows.html") Template rows) {
        this.tickets = tickets;
        this.calls = calls;
        this.pages = pages;
        this.user = user;
        this.config = config;
        this.inbox = inbox;
        this.rows = rows;
    }

    @GET
    public TemplateInstance page(@BeanParam Filters filters) {
        return withRows(pages.page(inbox, "inbox"), filters)
                .data("filters", filters)
                .data("reasons", REASONS)
                .data("channels", CHANNELS)
                .data("refreshEvery", config.inbox().refreshEvery());
    }

    /** The rows alone: what htmx swaps in every few seconds. */
    @GET
    @Path("/rows")
    public TemplateInstance rows(@BeanParam Filters filters) {
        return withRows(pages.page(rows, "inbox"), filters).data("refreshEvery", config.inbox().refreshEvery());
    }

    /** Hands the person the most urgent unassigned ticket they may work and opens it. */
    @POST
    @Path("/take-next")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response takeNext() {
        Part<Object> taken = calls.call("ticket-service", tickets::takeNext);
        if (taken.isOk() && taken.value() instanceof Map<?, ?> ticket) {
            return Response.seeOther(URI.create("/tickets/" + ticket.get("id"))).build();
        }
        String notice = taken.isOk() ? "none-waiting" : taken.isUnavailable() ? "unavailable" : "not-allowed";
        return Response.seeOther(URI.create("/inbox?notice=" + notice)).build();
    }

    private TemplateInstance withRows(TemplateInstance page, Filters f) {
        String agentId = null;
        Boolean unassigned = null;
        String teamId = null;
        if ("mine".equals(f.view)) {
            agentId = user.subject();
        } else if ("unassigned".equals(f.view)) {
            unassigned = true;
        }
        if (f.team != null && !f.team.isBlank()) {
            teamId = f.team.trim();
        }
        Instant now = clock.instant();
        Boolean breached = "breached".equals(f.sla) ? Boolean.TRUE : null;
        String dueBefore = "at-risk".equals(f.sla) ? now.plus(config.inbox().atRiskWithin()).toString() : null;
        String a = agentId;
        Boolean u = unassigned;
        String team = teamId;
        Part<Object> list = calls.call("ticket-service", () -> tickets.list(ACTIVE, blank(f.reason), team, a, u,
                blank(f.channel), breached, dueBefore, null, 0, config.inbox().pageSize()));
        List<Row> rows = new ArrayList<>();
        long total = 0;
        boolean capped = false;
        if (list.isOk() && list.value() instanceof Map<?, ?> answer) {
            total = ((Number) answer.get("total")).longValue();
            // ticket-service counts the matching tickets up to a limit (10,000): past it, "10,000+"
            capped = Boolean.TRUE.equals(answer.get("totalCapped"));
            for (Object item : (List<?>) answer.get("items")) {
                rows.add(row((Map<?, ?>) item, now));
            }
        }
        String totalText = NumberFormat.getIntegerInstance(Locale.forLanguageTag(pages.lang())).format(total)
                + (capped ? "+" : "");
        return page.data("list", list).data("rows", rows).data("total", total).data("totalText", totalText)
                .data("query", f.query());
    }

    private Row row(Map<?, ?> t, Instant now) {
        boolean firstPending = t.get("firstResponseAt") == null;
        Object due = firstPending ? t.get("firstResponseDueAt") : t.get("resolutionDueAt");
        boolean flagged = Boolean.TRUE.equals(t.get("firstResponseBreached")) || Boolean.TRUE.equals(t.get("resolutionBreached"));
        String sla;
        String text = "";
        if (Boolean.TRUE.equals(t.get("slaPaused"))) {
            sla = "paused";
        } else if (due == null) {
            sla = flagged ? "breached" : "none";
        } else {
            Duration left = Duration.between(now, Instant.parse(due.toString()));
            if (flagged || left.isNegative()) {
                sla = "breached";
            } else if (left.compareTo(config.inbox().atRiskWithin()) <= 0) {
                sla = "at-risk";
            } else {
                sla = "on-track";
            }
            text = Formats.span(left);
        }
        Object customer = t.get("email") != null ? t.get("email") : t.get("phone") != null ? t.get("phone") : t.get("customerId");
        return new Row(String.valueOf(t.get("id")), str(t.get("priority")), str(t.get("status")), str(t.get("reason")),
                str(t.get("channel")), str(customer), str(t.get("orderId")), str(t.get("agentId")),
                t.get("subject") == null || t.get("subject").toString().isBlank() ? null : t.get("subject").toString(),
                sla, text, str(due));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
