package io.postventa.web;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Answers a request whose declared body is larger than {@code quarkus.http.limits.max-body-size} with 413
 * problem+json before anything reads it. Quarkus enforces the same limit one step later (its upload-limit route),
 * with an empty 413; that one still catches a chunked body without a Content-Length that grows past the limit.
 */
@Singleton
public class BodySizeLimit {
    /** Just before Quarkus's own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int ORDER = -3;

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> configured) {
        long limit = configured.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        router.route().order(ORDER).handler(context -> {
            String declared = context.request().getHeader("Content-Length");
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1; // Quarkus and Vert.x answer a malformed length themselves
            }
            if (length <= limit) {
                context.next();
                return;
            }
            String body = new JsonObject().put("type", "https://postventa.io/problems/413").put("title", "Payload too large")
                    .put("status", 413).put("detail", "the body has " + length + " bytes; at most " + limit + " are accepted")
                    .put("instance", context.request().path()).encode();
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(body);
        });
    }
}
