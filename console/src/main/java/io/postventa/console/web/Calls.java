package io.postventa.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Runs one call to a service and turns its answer into a {@link Part}: the JSON body as plain maps and lists (what
 * the templates read), or the reason there is none. A connection refused, a timeout or a 5xx is "unavailable";
 * 401/403/404/400/409/412 keep the service's problem+json detail and field errors. A page's independent calls can
 * run at once ({@link #async}), so it waits for the slowest of them rather than for their sum.
 */
@ApplicationScoped
public class Calls {
    private static final Logger LOG = Logger.getLogger(Calls.class);
    /**
     * Longest wait for a call started with {@link #async}: the REST clients' own timeouts (connect 2 s, read 5 s)
     * end a call to a service that does not answer first; this bounds a chain of them (a section's 2-6 calls).
     */
    private static final long ASYNC_WAIT_SECONDS = 20;

    private final ObjectMapper json;
    private final ManagedExecutor executor;

    public Calls(ObjectMapper json, ManagedExecutor executor) {
        this.json = json;
        this.executor = executor;
    }

    /**
     * Runs {@code work} (one or more calls) on another thread with this request's context, so the REST clients send
     * the signed-in person's token from there as from the request's own thread.
     */
    public <T> CompletableFuture<T> async(Supplier<T> work) {
        return executor.supplyAsync(work);
    }

    /** {@link #call} on another thread, at once with the page's other calls. */
    public CompletableFuture<Part<Object>> async(String service, Supplier<Response> call) {
        return async(() -> call(service, call));
    }

    /**
     * What {@code started} came to; a section whose calls did not end in time, or ended in an error of the
     * console's own, is unavailable (its notice shows, the rest of the page does not change).
     */
    public static <T> T await(CompletableFuture<T> started, T unavailable) {
        if (started == null) {
            return null;
        }
        try {
            return started.get(ASYNC_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable;
        } catch (ExecutionException | TimeoutException e) {
            started.cancel(true);
            LOG.warnf("a section's calls did not end: %s", e.getClass().getSimpleName());
            return unavailable;
        }
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
