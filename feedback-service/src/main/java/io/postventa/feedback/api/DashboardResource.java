package io.postventa.feedback.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.jboss.logging.Logger;

import io.postventa.events.feedback.SurveyKind;
import io.postventa.feedback.domain.DriverDimension;
import io.postventa.feedback.domain.Granularity;
import io.postventa.feedback.domain.Pareto;
import io.postventa.feedback.service.KpiQueries;
import io.postventa.feedback.service.KpiQueries.ContactReasonReport;
import io.postventa.feedback.service.KpiQueries.DriverReport;
import io.postventa.feedback.service.KpiQueries.Figures;
import io.postventa.feedback.service.KpiQueries.KpiReport;
import io.postventa.feedback.service.KpiQueries.Period;
import io.postventa.feedback.service.KpiQueries.Range;
import io.postventa.feedback.service.PartnerScorecards;
import io.postventa.feedback.service.SplitQueries;
import io.postventa.feedback.service.SplitQueries.SplitReport;
import io.postventa.feedback.service.VariantQueries;
import io.postventa.feedback.service.VariantQueries.VariantReport;
import io.postventa.feedback.domain.SplitDimension;
import io.postventa.feedback.service.PartnerScorecards.Scorecard;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import io.quarkus.qute.Template;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The managers' dashboard: KPIs as server-rendered SVG charts and tables, in Spanish or English. A browser cannot
 * send a bearer header on a page load, so besides {@code Authorization: Bearer} the page accepts the same JWT once as
 * {@code ?access_token=}: it is verified, moved into an HttpOnly, SameSite=Strict cookie scoped to {@code /dashboard}
 * and the browser is redirected to the URL without it (so the token leaves the address bar and history). The cookie is
 * read only here; the JSON API accepts bearer headers only.
 */
@Path("/dashboard")
@PermitAll
@SecurityRequirements
public class DashboardResource {
    static final String COOKIE = "postventa_dashboard";
    private static final Logger LOG = Logger.getLogger(DashboardResource.class);
    private static final Set<String> ROLES = Set.of(Caller.MANAGER, Caller.ADMIN);
    private static final Set<String> PARTNER_ROLES = Set.of(Caller.MANAGER, Caller.ADMIN, Caller.PARTNER_AGENT);

    private final Template dashboard;
    private final KpiQueries queries;
    private final JWTParser parser;
    private final DashboardTexts texts;
    private final Template scorecard;
    private final PartnerScorecards partners;
    private final SplitQueries splits;
    private final VariantQueries variants;

    public DashboardResource(Template dashboard, KpiQueries queries, JWTParser parser, DashboardTexts texts, Template scorecard,
            PartnerScorecards partners, SplitQueries splits, VariantQueries variants) {
        this.splits = splits;
        this.variants = variants;
        this.scorecard = scorecard;
        this.partners = partners;
        this.texts = texts;
        this.dashboard = dashboard;
        this.queries = queries;
        this.parser = parser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "KPI dashboard page (manager, admin); ?lang=es|en|pt, ?from, ?to, ?granularity")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "401", description = "No valid token: the sign-in page")
    @APIResponse(responseCode = "403", description = "Not a manager or admin")
    public Response page(@QueryParam("access_token") String accessToken, @HeaderParam("Authorization") String authorization,
            @CookieParam(COOKIE) String cookie, @QueryParam("lang") String lang, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("granularity") String granularity, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        if (lang != null && !lang.isBlank() && !texts.speaks(lang)) {
            throw ProblemException.badField("lang", "must be one of " + String.join(", ", DashboardTexts.LANGUAGES));
        }
        String language = texts.choose(lang, headers.getAcceptableLanguages());
        Map<String, String> t = texts.of(language);
        Access access = authorize(accessToken, authorization, cookie, language, t, uri, ROLES, null);
        if (access.refused() != null) {
            return access.refused();
        }
        Granularity g = KpiQueries.granularity(granularity);
        Range range = queries.range(from, to);
        return page(render(language, t, range, g), language);
    }

    @GET
    @Path("/partners/{teamId}/scorecard")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A partner's monthly scorecard as a printable page (manager, admin; a partner's staff: their own "
            + "team); ?month=yyyy-MM, ?months, ?lang=es|en|pt")
    @APIResponse(responseCode = "200", description = "the page (print CSS: one sheet for the review meeting)")
    @APIResponse(responseCode = "303", description = "the token moved from ?access_token= into the page's cookie")
    @APIResponse(responseCode = "400", description = "bad month, months or lang (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a manager or admin, nor this partner's staff")
    @APIResponse(responseCode = "404", description = "no such partner team")
    public Response scorecard(@PathParam("teamId") String teamId, @QueryParam("access_token") String accessToken,
            @HeaderParam("Authorization") String authorization, @CookieParam(COOKIE) String cookie,
            @QueryParam("lang") String lang, @QueryParam("month") String month, @QueryParam("months") Integer months,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        if (lang != null && !lang.isBlank() && !texts.speaks(lang)) {
            throw ProblemException.badField("lang", "must be one of " + String.join(", ", DashboardTexts.LANGUAGES));
        }
        String language = texts.choose(lang, headers.getAcceptableLanguages());
        Map<String, String> t = texts.of(language);
        Access access = authorize(accessToken, authorization, cookie, language, t, uri, PARTNER_ROLES, teamId);
        if (access.refused() != null) {
            return access.refused();
        }
        Scorecard s = partners.scorecard(teamId, partners.month(month), PartnerScorecards.months(months));
        return page(renderScorecard(language, t, s), language);
    }

    private static Response page(String html, String language) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
                .header("Content-Language", language).build();
    }

    /** Who may see a page, or the response that refuses (or moves the token into the cookie). */
    private record Access(JsonWebToken jwt, Response refused) {
    }

    /**
     * Verifies the caller of a page: the token from ?access_token= (moved into the cookie by a 303), the bearer header or
     * the cookie; then a role of {@code roles}, a partner agent only for its own {@code team} (when given).
     */
    private Access authorize(String accessToken, String authorization, String cookie, String language, Map<String, String> t,
            UriInfo uri, Set<String> roles, String team) {
        if (accessToken != null && !accessToken.isBlank()) {
            Optional<JsonWebToken> jwt = verify(accessToken);
            if (jwt.isEmpty()) {
                return new Access(null, denied(401, t.get("signIn"), language));
            }
            long maxAge = Math.max(0, jwt.get().getExpirationTime() - Instant.now().getEpochSecond());
            URI clean = uri.getRequestUriBuilder().replaceQueryParam("access_token").build();
            NewCookie session = new NewCookie.Builder(COOKIE).value(accessToken).path("/dashboard").httpOnly(true)
                    .secure("https".equals(uri.getRequestUri().getScheme())).sameSite(NewCookie.SameSite.STRICT)
                    .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge)).build();
            return new Access(null, Response.seeOther(URI.create(clean.getRawPath()
                    + (clean.getRawQuery() == null ? "" : "?" + clean.getRawQuery()))).cookie(session).build());
        }
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : cookie;
        Optional<JsonWebToken> jwt = token == null || token.isBlank() ? Optional.empty() : verify(token);
        if (jwt.isEmpty()) {
            return new Access(null, denied(401, t.get("signIn"), language));
        }
        Set<String> groups = jwt.get().getGroups() == null ? Set.of() : jwt.get().getGroups();
        boolean staff = groups.stream().anyMatch(ROLES::contains);
        boolean ownPartner = team != null && groups.contains(Caller.PARTNER_AGENT)
                && team.equals(String.valueOf(jwt.get().<Object>getClaim("team")).replace("\"", ""));
        if (!staff && !(roles.contains(Caller.PARTNER_AGENT) && ownPartner)) {
            return new Access(null, denied(403, t.get("forbidden"), language));
        }
        return new Access(jwt.get(), null);
    }

    private Optional<JsonWebToken> verify(String token) {
        try {
            return Optional.of(parser.parse(token));
        } catch (ParseException e) {
            LOG.debugf("dashboard token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private Response denied(int status, String message, String language) {
        String html = "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><title>Postventa</title></head>"
                + "<body><h1>Postventa</h1><p class=\"denied\">" + SvgCharts.esc(message) + "</p></body></html>";
        Response.ResponseBuilder r = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html);
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer");
        }
        return r.build();
    }

    /** A figure for a tile. */
    public record Tile(String id, String label, String value) {
    }

    public record Row(List<String> cells) {
    }

    private String render(String lang, Map<String, String> t, Range range, Granularity g) {
        KpiReport report = queries.kpis(range, g);
        ContactReasonReport reasons = queries.contactReasons(range, 10);
        DriverReport drivers = queries.drivers(range);
        Figures f = report.totals();

        List<Tile> tiles = List.of(
                new Tile("orders", t.get("orders"), String.valueOf(f.orders())),
                new Tile("contacts-per-order", t.get("contactsPerOrder"), num(f.contactsPerOrder())),
                new Tile("first-response", t.get("firstResponse"), hours(f.firstResponse().meanSeconds()) + " / "
                        + hours(f.firstResponse().p90Seconds() == null ? null : f.firstResponse().p90Seconds().doubleValue())),
                new Tile("resolution", t.get("resolution"), hours(f.resolution().meanSeconds())),
                new Tile("resolution-rate", t.get("resolutionRate"), pct(f.resolutionRate())),
                new Tile("sla", t.get("sla"), pct(f.slaCompliance())),
                new Tile("reopen", t.get("reopen"), pct(f.reopenRate())),
                new Tile("defect", t.get("defect"), pct(f.orderDefectRate())),
                new Tile("return-rate", t.get("returnRate"), pct(f.returnRate())),
                new Tile("auto-approval", t.get("autoApproval"), pct(f.autoApprovalRate())),
                new Tile("notifications", t.get("notifications"), num(f.notificationsPerOrder())),
                new Tile("nps", t.get("nps"), num(f.nps().score())),
                new Tile("csat", t.get("csat"), num(f.csat().score())),
                new Tile("recovered", t.get("recovered"), pct(f.recoveredCustomerRate())));

        List<String> labels = report.series().stream().map(p -> p.start().toString()).toList();
        List<SvgCharts.Point> contacts = new ArrayList<>();
        List<SvgCharts.Point> p90 = new ArrayList<>();
        List<Double> nps = new ArrayList<>();
        List<Double> csat = new ArrayList<>();
        for (Period p : report.series()) {
            contacts.add(new SvgCharts.Point(p.start().toString(), p.figures().contactsPerOrder()));
            Long s = p.figures().firstResponse().p90Seconds();
            p90.add(new SvgCharts.Point(p.start().toString(), s == null ? null : Math.round(s / 36.0) / 100.0));
            nps.add(p.figures().nps().score());
            csat.add(p.figures().csat().score());
        }
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("contacts", SvgCharts.bars("chart-contacts-per-order", t.get("chartContacts"), contacts));
        charts.put("scores", SvgCharts.lines("chart-nps-csat", t.get("chartScores"), labels, "NPS", nps, "CSAT", csat, -100, 100));
        charts.put("firstResponse", SvgCharts.bars("chart-first-response", t.get("chartFirstResponse"), p90));
        charts.put("pareto", SvgCharts.pareto("chart-pareto", t.get("chartPareto"),
                reasons.reasons().stream().map(r -> new SvgCharts.Point(texts.reason(lang, r.reason()), (double) r.contacts()))
                        .toList(),
                reasons.reasons().stream().map(Pareto.Row::cumulativeShare).toList()));
        charts.put("drivers", SvgCharts.bars("chart-drivers", t.get("chartDrivers"), drivers.drivers().stream()
                .filter(d -> d.kind() == SurveyKind.NPS && d.dimension() == DriverDimension.CARRIER)
                .map(d -> new SvgCharts.Point(d.value(), d.score())).toList()));

        List<Row> pareto = reasons.reasons().stream().map(r -> new Row(List.of(texts.reason(lang, r.reason()),
                String.valueOf(r.contacts()), pct(r.share()), pct(r.cumulativeShare()), r.vitalFew() ? t.get("yes") : t.get("no"))))
                .toList();
        List<Row> skus = reasons.bySku().stream().map(s -> new Row(List.of(s.sku(), String.valueOf(s.contacts()),
                String.join(", ", s.reasons().stream().map(r -> texts.reason(lang, r.reason()) + " (" + r.contacts() + ")")
                        .toList())))).toList();
        List<Row> categories = report.returns().byCategory().stream().map(c -> new Row(List.of(c.key(),
                String.valueOf(c.unitsOrdered()), String.valueOf(c.unitsReturned()), pct(c.returnRate())))).toList();
        List<Row> driverRows = drivers.drivers().stream().map(d -> new Row(List.of(d.kind().name(), d.dimension().name(),
                d.dimension() == DriverDimension.RETURN_REASON || d.dimension() == DriverDimension.TICKET_REASON ? texts.reason(lang, d.value())
                        : d.value(), String.valueOf(d.answers()), num(d.score())))).toList();
        String query = "from=" + range.from() + "&to=" + range.to();

        // who and where: ticket KPIs by channel, team and agent; the A/B results; the partners' scorecards
        SplitReport byChannel = splits.splits(range, SplitDimension.CHANNEL, null);
        SplitReport byTeam = splits.splits(range, SplitDimension.TEAM, null);
        SplitReport byAgent = splits.splits(range, SplitDimension.AGENT, null);
        charts.put("byChannel", SvgCharts.bars("chart-by-channel", t.get("chartByChannel"), byChannel.rows().stream()
                .map(r -> new SvgCharts.Point(r.value(), (double) r.figures().contacts())).toList()));
        charts.put("byTeam", SvgCharts.bars("chart-by-team", t.get("chartByTeam"), byTeam.rows().stream()
                .map(r -> new SvgCharts.Point(r.partnerName() != null ? r.partnerName() : r.value(),
                        r.figures().firstResponse().within24hRate() == null ? null
                                : r.figures().firstResponse().within24hRate() * 100)).toList()));
        VariantReport ab = variants.variants(range);
        List<SvgCharts.Point> rates = new ArrayList<>();
        List<Row> variantRows = new ArrayList<>();
        for (VariantQueries.TemplateResult tr : ab.templates()) {
            for (VariantQueries.VariantRow v : tr.variants()) {
                rates.add(new SvgCharts.Point(tr.templateId() + " " + v.variant(), v.contactRate() == null ? null : v.contactRate() * 100));
                VariantQueries.Comparison c = tr.comparisons().stream().filter(x -> x.variant().equals(v.variant())
                        && x.metric().equals(VariantQueries.CONTACT_RATE)).findFirst().orElse(null);
                variantRows.add(new Row(List.of(tr.templateId(), v.variant(), String.valueOf(v.sent()), pct(v.contactRate()),
                        num(v.csatAverage()), v.portalVisits() + " (" + pct(v.portalVisitRate()) + ")",
                        v.unsubscribes() + " (" + pct(v.unsubscribeRate()) + ")", c == null ? "–" : pct(c.difference()) + " [" + pct(c.lower()) + ", " + pct(c.upper()) + "]",
                        v.variant().equals(tr.winner()) ? t.get("abWinner") : tr.winner() == null ? t.get("abNoWinner") : t.get("abRetire"))));
            }
        }
        charts.put("variants", SvgCharts.bars("chart-variants", t.get("chartVariants"), rates));
        List<Row> partnerRows = partners.list().stream().map(p -> new Row(List.of(p.name(), p.teamId()))).toList();
        return dashboard.data("t", t).data("byChannel", splitRows(byChannel, t)).data("byTeam", splitRows(byTeam, t))
                .data("byAgent", splitRows(byAgent, t).stream().limit(50).toList()).data("variants", variantRows)
                .data("partners", partnerRows).data("lang", lang).data("languages", texts.languages())
                .data("range", range).data("granularity", g.sqlUnit())
                .data("tiles", tiles).data("charts", charts).data("pareto", pareto).data("skus", skus)
                .data("categories", categories).data("drivers", driverRows).data("query", query).render();
    }

    /** One target's row in the scorecard: this month against the target, then the trend. */
    public record TargetRow(String label, String target, String value, String status, String statusClass, List<String> trend) {
    }

    private String renderScorecard(String lang, Map<String, String> t, Scorecard s) {
        List<TargetRow> rows = new ArrayList<>();
        List<String> months = s.trend().stream().map(PartnerScorecards.Month::month).toList();
        List<String> charts = new ArrayList<>();
        for (int i = 0; i < s.targets().size(); i++) {
            PartnerScorecards.Target target = s.targets().get(i);
            PartnerScorecards.Result now = s.current().results().get(i);
            boolean score = "CSAT_AVERAGE".equals(target.metric());
            String label = t.get("metric." + target.metric()).replace("{hours}", String.valueOf(target.hours()));
            List<String> trend = new ArrayList<>();
            List<SvgCharts.Point> points = new ArrayList<>();
            for (PartnerScorecards.Month m : s.trend()) {
                PartnerScorecards.Result r = m.results().get(i);
                trend.add(score ? num(r.value()) : pct(r.value()));
                points.add(new SvgCharts.Point(m.month(), r.value() == null ? null : score ? r.value() : r.value() * 100));
            }
            String status = now.met() == null ? t.get("scorecard.noData") : now.met() ? t.get("scorecard.met") : t.get("scorecard.missed");
            rows.add(new TargetRow(label, (now.atLeast() ? "≥ " : "≤ ") + (score ? num(target.target()) : pct(target.target())),
                    score ? num(now.value()) : pct(now.value()), status,
                    now.met() == null ? "nodata" : now.met() ? "met" : "missed", trend));
            charts.add(SvgCharts.bars("chart-scorecard-" + i, label, points));
        }
        return scorecard.data("t", t).data("lang", lang).data("languages", texts.languages()).data("card", s)
                .data("rows", rows).data("months", months).data("charts", charts).render();
    }

    /** The rows of a split's table: who, tickets, first response (mean h, within 24 h, automatic), SLA, reopen, CSAT. */
    private static List<Row> splitRows(SplitReport report, Map<String, String> t) {
        return report.rows().stream().map(r -> {
            SplitQueries.SplitFigures f = r.figures();
            String who = r.partnerName() != null ? r.partnerName() + " (" + t.get("partner") + ")" : r.value();
            return new Row(List.of(who, String.valueOf(f.contacts()), String.valueOf(f.ticketsCreated()),
                    hours(f.firstResponse().meanSeconds()), pct(f.firstResponse().within24hRate()),
                    pct(f.firstResponse().automaticShare()), hours(f.resolution().meanSeconds()), pct(f.slaCompliance()),
                    pct(f.reopenRate()), num(f.csat().averageScore())));
        }).toList();
    }

    private static String num(Double v) {
        return v == null ? "–" : SvgCharts.fmt(v);
    }

    private static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    private static String hours(Double seconds) {
        return seconds == null ? "–" : String.format(Locale.ROOT, "%.1f", seconds / 3600.0);
    }
}
