package io.postventa.notification.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import io.postventa.notification.service.MessageLinkEvents;
import io.postventa.notification.service.PortalLookupLimiter;
import io.postventa.notification.service.PortalLinks;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The customer portal's ways in. The link token is the credential (as for unsubscribe and survey links): a check
 * answers whose order it opens, or why it does not; a lookup trades an order number and its e-mail or postcode for
 * the order's link. Tokens travel in the body, never in a URL, so they stay out of access logs. A valid check of a
 * message's link publishes notification.portal-link-opened the first time for that message.
 */
@Path("/api/v1/portal-links")
@PermitAll
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalLinkResource {
    private final PortalLinks links;
    private final PortalLookupLimiter limiter;
    private final MessageLinkEvents linkEvents;

    public PortalLinkResource(PortalLinks links, PortalLookupLimiter limiter, MessageLinkEvents linkEvents) {
        this.links = links;
        this.limiter = limiter;
        this.linkEvents = linkEvents;
    }

    /** A token to check. */
    public record CheckRequest(String token) {
    }

    /** An order number and the e-mail or the delivery postcode of that order. */
    public record LookupRequest(String orderId, String email, String postcode) {
    }

    /** A link that opens: the customer it acts as, the one order it shows, until when, in which language. */
    public record OpenLink(String customerId, String orderId, Instant expiresAt, String language, String token) {
    }

    @POST
    @Path("/check")
    @Operation(summary = "Whose order a portal link opens: 200, or 404 (forged, altered, erased) or 410 (expired)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "410", description = "Gone")
    public OpenLink check(CheckRequest request) {
        PortalLinks.Check check = links.verify(request == null ? null : request.token());
        return switch (check.state()) {
            case VALID -> {
                // the first opening of a message's link is a visit for that message's template variant
                linkEvents.portalLinkOpened(check);
                yield open(check);
            }
            case EXPIRED -> throw new ProblemException(410, "Portal link expired", "this link has expired", List.of());
            case INVALID -> throw new ProblemException(404, "Portal link not valid",
                    "this link is not valid (it may have been cut or changed, or withdrawn)", List.of());
        };
    }

    @POST
    @Path("/lookup")
    @Operation(summary = "The order's link for its number and e-mail or postcode: 200, 404 for any mismatch, 429 when guessed too often")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
    public Response lookup(LookupRequest request) {
        if (request == null || request.orderId() == null || request.orderId().isBlank()) {
            throw ProblemException.badField("orderId", "must not be blank");
        }
        if (blank(request.email()) && blank(request.postcode())) {
            throw ProblemException.badFields(List.of(new Problem.FieldError("email", "give the order's e-mail or postcode"),
                    new Problem.FieldError("postcode", "give the order's e-mail or postcode")));
        }
        Instant blocked = limiter.blockedUntil(request.orderId());
        if (blocked != null) {
            long seconds = Math.max(1, Duration.between(Instant.now(), blocked).toSeconds());
            return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(seconds))
                    .entity(new Problem("about:blank", "Too many lookups", 429,
                            "too many lookups of this order; try again later", null, List.of())).build();
        }
        return links.lookup(request.orderId(), request.email(), request.postcode())
                .map(check -> Response.ok(open(check)).build())
                .orElseGet(() -> {
                    limiter.failed(request.orderId());
                    // the same answer for an unknown order, a wrong e-mail and a wrong postcode
                    throw new ProblemException(404, "No matching order",
                            "no order matches this number and e-mail or postcode", List.of());
                });
    }

    private static OpenLink open(PortalLinks.Check check) {
        return new OpenLink(check.customerId(), check.orderId(), check.expiresAt(), check.language(), check.token());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
