package io.postventa.console.pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.postventa.console.clients.NotificationClient;
import io.postventa.console.clients.OrderStatusClient;
import io.postventa.console.clients.ReturnsClient;
import io.postventa.console.clients.TicketClient;
import io.postventa.console.web.Calls;
import io.postventa.console.web.Pages;
import io.postventa.console.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Every rule the services keep as data, edited through their APIs: message templates (a form per variant, with
 * preview and the render error), and procedures, priority rules, SLA policies, teams, routing, agents, return
 * policy, risk rules (with the backtest) and delay policy as JSON the service validates. A refused change shows
 * the service's problem+json field errors next to what was typed, which is kept.
 */
@Path("/admin")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AdminPages {
    /** One editable rule: how to read it and how to save it (the id is empty for single documents). */
    record Rule(String service, Function<String, Supplier<Response>> get,
            java.util.function.BiFunction<String, Object, Supplier<Response>> put, boolean list, String example) {
    }

    private final TicketClient tickets;
    private final ReturnsClient returns;
    private final OrderStatusClient orders;
    private final NotificationClient notifications;
    private final Calls calls;
    private final Pages pages;
    private final ObjectMapper json;
    private final Template index;
    private final Template templates;
    private final Template template;
    private final Template rule;
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    public AdminPages(@RestClient TicketClient tickets, @RestClient ReturnsClient returns,
            @RestClient OrderStatusClient orders, @RestClient NotificationClient notifications, Calls calls,
            Pages pages, ObjectMapper json, @Location("admin.html") Template index,
            @Location("admin-templates.html") Template templates, @Location("admin-template.html") Template template,
            @Location("admin-rule.html") Template rule) {
        this.tickets = tickets;
        this.returns = returns;
        this.orders = orders;
        this.notifications = notifications;
        this.calls = calls;
        this.pages = pages;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.index = index;
        this.templates = templates;
        this.template = template;
        this.rule = rule;
        rules.put("procedures", new Rule("ticket-service", id -> tickets::procedures,
                (id, b) -> () -> tickets.saveProcedure(id, b), true,
                "{\"reason\":\"WHERE_IS_MY_ORDER\",\"name\":\"\",\"steps\":[],\"replyEs\":\"\",\"replyEn\":\"\"}"));
        rules.put("priority-rules", new Rule("ticket-service", id -> tickets::priorityRules,
                (id, b) -> () -> tickets.savePriorityRules(b), false, null));
        rules.put("sla-policies", new Rule("ticket-service", id -> tickets::slaPolicies,
                (id, b) -> () -> tickets.saveSlaPolicy(id, b), true,
                "{\"priority\":\"HIGH\",\"channel\":null,\"firstResponseMinutes\":240,\"resolutionMinutes\":1440,"
                        + "\"timeZone\":\"Europe/Madrid\",\"hours\":{\"MONDAY\":[540,1080]},\"holidays\":[],"
                        + "\"pauseWhileWithCarrier\":false,\"pauseWhileReturnInTransit\":false}"));
        rules.put("teams", new Rule("ticket-service", id -> tickets::teams, (id, b) -> () -> tickets.saveTeam(id, b), true,
                "{\"name\":\"\",\"partner\":false,\"agentCap\":25}"));
        rules.put("agents", new Rule("ticket-service", null, (id, b) -> () -> tickets.saveAgent(id, b), true,
                "{\"teamId\":\"in-house\",\"name\":\"\",\"available\":true}"));
        rules.put("routing-rules", new Rule("ticket-service", id -> tickets::routing,
                (id, b) -> () -> tickets.saveRouting(id, b), true, "{\"teamId\":\"in-house\"}"));
        rules.put("return-policy", new Rule("returns-service", id -> returns::policy,
                (id, b) -> () -> returns.savePolicy(b), false, null));
        rules.put("risk-rules", new Rule("returns-service", id -> returns::riskRules,
                (id, b) -> () -> returns.saveRiskRules(b), false, null));
        rules.put("delay-policy", new Rule("order-status-service", id -> orders::delayPolicy,
                (id, b) -> () -> orders.saveDelayPolicy(b), false, null));
    }

    @GET
    public TemplateInstance index() {
        return pages.page(index, "admin").data("kinds", rules.keySet());
    }

    // ---- templates: a form per variant, preview, and the render error of an invalid one

    @GET
    @Path("/templates")
    public TemplateInstance templates() {
        return pages.page(templates, "admin").data("list",
                calls.call("notification-service", () -> notifications.templates(null, null, null, 0, 200)));
    }

    @GET
    @Path("/templates/{id}")
    public Response template(@PathParam("id") String id, @QueryParam("done") String done) {
        Part<Object> t = calls.call("notification-service", () -> notifications.template(id));
        List<Map<String, Object>> variants = new ArrayList<>();
        Object version = null;
        if (t.isOk()) {
            Map<?, ?> view = (Map<?, ?>) t.value();
            version = view.get("version");
            for (Object v : (List<?>) view.get("variants")) {
                variants.add(new LinkedHashMap<>((Map<String, Object>) v));
            }
        }
        return Response.status(t.isNotFound() ? 404 : 200).entity(pages.page(template, "admin").data("id", id)
                .data("template", t).data("variants", variants).data("version", version).data("errors", Map.of())
                .data("failure", null).data("previews", null).data("done", done)).build();
    }

    @POST
    @Path("/templates/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveTemplate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        List<Map<String, Object>> variants = variants(form);
        String version = form.getFirst("version");
        boolean preview = form.containsKey("preview");
        Map<String, Object> body = new HashMap<>();
        body.put("variants", variants);
        Part<Object> result;
        if (preview) {
            body.put("purchaseNumber", 1);
            result = calls.call("notification-service", () -> notifications.preview(id, body));
        } else {
            body.put("version", version == null || version.isBlank() ? null : Integer.valueOf(version));
            result = calls.call("notification-service", () -> notifications.saveTemplate(id, body));
            if (result.isOk()) {
                return Response.seeOther(URI.create("/admin/templates/" + id + "?done=saved")).build();
            }
        }
        Part<Object> t = calls.call("notification-service", () -> notifications.template(id));
        int status = result.isOk() ? 200 : result.isStale() ? 409 : 400;
        return Response.status(status).entity(pages.page(template, "admin").data("id", id).data("template", t)
                .data("variants", variants).data("version", version).data("errors", result.fieldErrors())
                .data("failure", result.isOk() ? null : result).data("previews", preview && result.isOk() ? result.value() : null)
                .data("done", null)).build();
    }

    private static List<Map<String, Object>> variants(MultivaluedMap<String, String> form) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; form.containsKey("variants[" + i + "].name"); i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", form.getFirst("variants[" + i + "].name"));
            String weight = form.getFirst("variants[" + i + "].weight");
            v.put("weight", weight == null || !weight.trim().matches("-?\\d{1,9}") ? weight : Integer.valueOf(weight.trim()));
            v.put("subject", form.getFirst("variants[" + i + "].subject"));
            v.put("body", form.getFirst("variants[" + i + "].body"));
            variants.add(v);
        }
        return variants;
    }

    // ---- every other rule: the service's JSON, edited and validated by the service

    @GET
    @Path("/rules/{kind}")
    public Response rule(@PathParam("kind") String kind, @QueryParam("id") String id, @QueryParam("done") String done) {
        Rule r = rules.get(kind);
        if (r == null) {
            return Response.status(404).entity(index()).build();
        }
        String key = id == null ? "" : id;
        Part<JsonNode> current = r.get() == null ? Part.ok(null) : calls.node(r.service(), r.get().apply(""));
        String text = "";
        if (current.isOk() && current.value() != null) {
            JsonNode node = current.value();
            if (r.list() && !key.isEmpty()) {
                node = pick(kind, node, key);
            }
            text = r.list() && key.isEmpty() ? "" : pretty(node);
        }
        if (text.isEmpty() && r.example() != null) {
            text = pretty(parse(r.example()));
        }
        return Response.ok(rulePage(kind, r, key, current, text, null, Map.of(), null, done)).build();
    }

    @POST
    @Path("/rules/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveRule(@PathParam("kind") String kind, @FormParam("id") String id, @FormParam("json") String text,
            @FormParam("backtest") String backtest, @FormParam("days") String days) {
        Rule r = rules.get(kind);
        if (r == null) {
            return Response.status(404).entity(index()).build();
        }
        String key = id == null ? "" : id.trim();
        JsonNode body = parse(text);
        Part<Object> result;
        Object backtestResult = null;
        if (body == null) {
            result = Part.failed(Part.State.INVALID, 400, null, Map.of("json", "not valid JSON"));
        } else if (r.list() && key.isEmpty()) {
            result = Part.failed(Part.State.INVALID, 400, null, Map.of("id", "required"));
        } else if (backtest != null && "risk-rules".equals(kind)) {
            Map<String, Object> request = new HashMap<>();
            request.put("rules", body);
            request.put("days", days == null || !days.trim().matches("\\d{1,4}") ? null : Integer.valueOf(days.trim()));
            result = calls.call(r.service(), () -> returns.backtest(request));
            backtestResult = result.isOk() ? result.value() : null;
        } else {
            result = calls.call(r.service(), r.put().apply(key, body));
            if (result.isOk()) {
                return Response.seeOther(URI.create("/admin/rules/" + kind + "?done=saved"
                        + (key.isEmpty() ? "" : "&id=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8))))
                        .build();
            }
        }
        Part<JsonNode> current = r.get() == null ? Part.ok(null) : calls.node(r.service(), r.get().apply(""));
        int status = result.isOk() ? 200 : result.isStale() ? 409 : 400;
        return Response.status(status).entity(rulePage(kind, r, key, current, text, result.isOk() ? null : result,
                result.fieldErrors(), backtestResult, null)).build();
    }

    private TemplateInstance rulePage(String kind, Rule r, String id, Part<JsonNode> current, String text,
            Part<Object> failure, Map<String, String> errors, Object backtest, String done) {
        List<String> ids = new ArrayList<>();
        if (r.list() && current.isOk() && current.value() != null) {
            JsonNode all = current.value();
            if (all.isArray()) {
                all.forEach(n -> ids.add(n.path("id").asText()));
            } else if (all.isObject()) {
                all.fieldNames().forEachRemaining(ids::add);
            }
        }
        return pages.page(rule, "admin").data("kind", kind).data("id", id).data("list", r.list()).data("ids", ids)
                .data("current", current).data("text", text).data("failure", failure).data("errors", errors)
                .data("backtest", backtest).data("done", done).data("canBacktest", "risk-rules".equals(kind));
    }

    private JsonNode pick(String kind, JsonNode all, String id) {
        if ("routing-rules".equals(kind)) {
            return all.has(id) ? json.createObjectNode().put("teamId", all.get(id).asText()) : null;
        }
        if (all.isArray()) {
            for (JsonNode n : all) {
                if (id.equals(n.path("id").asText())) {
                    return n;
                }
            }
            return null;
        }
        return all;
    }

    private String pretty(JsonNode node) {
        try {
            return node == null ? "" : json.writeValueAsString(node);
        } catch (Exception e) {
            return "";
        }
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
