package io.postventa.portal.pages;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.portal.auth.LookupLimiter;
import io.postventa.portal.auth.PortalSession;
import io.postventa.portal.clients.LinkClient;
import io.postventa.portal.web.Calls;
import io.postventa.portal.web.Lang;
import io.postventa.portal.web.Pages;
import io.postventa.portal.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ways in: the signed link every message carries ({@code /p/{token}}, checked by notification-service, then a
 * session for that customer and order and a redirect, so the token leaves the address bar), and the lookup by order
 * number and the order's e-mail or postcode, limited per client address (429 page) and answered the same for every
 * mismatch. Also the choice of language and signing out.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EntryResource {
    /** Pages a link may open directly after the order's page: {@code /p/{token}/preferences} and so on. */
    private static final Set<String> LINK_PAGES = Set.of("order", "preferences", "return", "question");

    private final LinkClient links;
    private final Calls calls;
    private final Pages pages;
    private final PortalSession session;
    private final Lang lang;
    private final LookupLimiter limiter;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Template lookup;
    private final Template refused;
    private final Template tooMany;

    public EntryResource(@RestClient LinkClient links, Calls calls, Pages pages, PortalSession session, Lang lang,
            LookupLimiter limiter, HttpServerRequest request, HttpServerResponse response,
            @Location("lookup.html") Template lookup, @Location("link-refused.html") Template refused,
            @Location("too-many.html") Template tooMany) {
        this.links = links;
        this.calls = calls;
        this.pages = pages;
        this.session = session;
        this.lang = lang;
        this.limiter = limiter;
        this.request = request;
        this.response = response;
        this.lookup = lookup;
        this.refused = refused;
        this.tooMany = tooMany;
    }

    @GET
    public Response home(@QueryParam("needed") String needed) {
        return Response.ok(pages.page(lookup, "lookup").data("typed", Map.of()).data("errors", Map.of())
                .data("failure", null).data("needed", needed != null)).build();
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookup(@FormParam("orderId") String orderId, @FormParam("contact") String contact) {
        Map<String, String> typed = Map.of("orderId", orderId == null ? "" : orderId, "contact", contact == null ? "" : contact);
        Map<String, String> errors = new LinkedHashMap<>();
        if (orderId == null || orderId.isBlank()) {
            errors.put("orderId", pages.texts().get("lookup_order_required"));
        }
        if (contact == null || contact.isBlank()) {
            errors.put("contact", pages.texts().get("lookup_contact_required"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(pages.page(lookup, "lookup").data("typed", typed).data("errors", errors)
                    .data("failure", null).data("needed", false)).build();
        }
        Instant retry = limiter.attempt(request.remoteAddress() == null ? "?" : request.remoteAddress().host());
        if (retry != null) {
            return tooMany(Duration.between(Instant.now(), retry));
        }
        Map<String, String> body = new HashMap<>();
        body.put("orderId", orderId.trim());
        if (contact.contains("@")) {
            body.put("email", contact.trim());
        } else {
            body.put("postcode", contact.trim());
        }
        Part<JsonNode> found = calls.node("notification-service", () -> links.lookup(body));
        if (found.isOk()) {
            return open(found.value(), "order");
        }
        if (found.status() == 429) {
            return tooMany(Duration.ofMinutes(15));
        }
        String failure = found.isUnavailable() ? "lookup_unavailable" : "lookup_no_match";
        return Response.status(found.isUnavailable() ? 503 : 404).entity(pages.page(lookup, "lookup").data("typed", typed)
                .data("errors", Map.of()).data("failure", failure).data("needed", false)).build();
    }

    @GET
    @Path("/p/{token}")
    public Response link(@PathParam("token") String token) {
        return link(token, "order");
    }

    @GET
    @Path("/p/{token}/{page}")
    public Response link(@PathParam("token") String token, @PathParam("page") String page) {
        Part<JsonNode> checked = calls.node("notification-service", () -> links.check(Map.of("token", token)));
        if (checked.isOk()) {
            return open(checked.value(), LINK_PAGES.contains(page) ? page : "order");
        }
        String why = checked.isUnavailable() ? "unavailable" : checked.status() == 410 ? "expired" : "invalid";
        int status = checked.isUnavailable() ? 503 : checked.status() == 410 ? 410 : 404;
        // a refused link ends any session: the page must not go on showing another order than the link named
        if (session.active()) {
            response.addCookie(session.end());
        }
        return Response.status(status).entity(pages.page(refused, "lookup").data("why", why).data("typed", Map.of())
                .data("errors", Map.of())).build();
    }

    @POST
    @Path("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("lang") String code, @FormParam("next") String next) {
        Cookie cookie = lang.choose(code);
        if (cookie != null) {
            response.addCookie(cookie);
        }
        return Response.seeOther(URI.create(safe(next))).build();
    }

    @POST
    @Path("/sign-out")
    public Response signOut() {
        response.addCookie(session.end());
        return Response.seeOther(URI.create("/")).build();
    }

    /** A session for the customer and order a link or lookup named, in the language of their messages. */
    private Response open(JsonNode link, String page) {
        response.addCookie(session.start(link.path("customerId").asText(), link.path("orderId").asText()));
        if (request.getCookie(Lang.COOKIE) == null) {
            Cookie chosen = lang.choose(link.path("language").asText(null));
            if (chosen != null) {
                response.addCookie(chosen);
            }
        }
        return Response.seeOther(URI.create("/" + page)).build();
    }

    private Response tooMany(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return Response.status(429).header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))
                .entity(pages.page(tooMany, "lookup").data("minutes", minutes)).build();
    }

    /** Only paths of this portal: never another site. */
    static String safe(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/";
        }
        return next;
    }
}
