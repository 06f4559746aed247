package io.postventa.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Runs one call to a service and turns its answer into a {@link Part}: the JSON body as plain maps and lists (what
 * the templates read), or the reason there is none. A connection refused, a timeout or a 5xx is "unavailable";
 * 401/403/404/400/409/412 keep the service's problem+json detail and field errors.
 */
@ApplicationScoped
public class Calls {
    private static final Logger LOG = Logger.getLogger(Calls.class);

    private final ObjectMapper json;

    public Calls(ObjectMapper json) {
        this.json = json;
    }

    /** The call's JSON body as maps, lists and scalars. */
    public Part<Object> call(String service, Supplier<Response> call) {
        Part<JsonNode> node = node(service, call);
        return node.isOk() ? Part.ok(node.value() == null ? null : json.convertValue(node.value(), Object.class))
                : node.as();
    }

    /** The call's JSON body as a tree. */
    public Part<JsonNode> node(String service, Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            // connection refused, timeout, unknown host: the part says the service is unavailable
            LOG.warnf("%s did not answer: %s", service, e.getClass().getSimpleName());
            return Part.unavailable();
        }
        try (response) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (status >= 200 && status < 300) {
                return Part.ok(body == null || body.isBlank() ? null : json.readTree(body));
            }
            if (status >= 500) {
                LOG.warnf("%s answered %d", service, status);
                return Part.unavailable();
            }
            String detail = null;
            Map<String, String> fields = new LinkedHashMap<>();
            if (body != null && !body.isBlank()) {
                try {
                    JsonNode problem = json.readTree(body);
                    detail = problem.path("detail").asText(problem.path("title").asText(null));
                    for (JsonNode error : problem.path("errors")) {
                        fields.merge(error.path("field").asText(""), error.path("message").asText(""),
                                (a, b) -> a + "; " + b);
                    }
                } catch (Exception notJson) {
                    detail = null;
                }
            }
            Part.State state = switch (status) {
                case 401 -> Part.State.SIGNED_OUT;
                case 403 -> Part.State.FORBIDDEN;
                case 404 -> Part.State.NOT_FOUND;
                case 409 -> Part.State.CONFLICT;
                case 412 -> Part.State.STALE;
                default -> Part.State.INVALID;
            };
            return Part.failed(state, status, detail, fields);
        } catch (Exception e) {
            LOG.warnf("%s answered something unreadable: %s", service, e.getClass().getSimpleName());
            return Part.unavailable();
        }
    }
}
