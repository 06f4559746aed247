package io.postventa.portal.pages;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;
import io.postventa.portal.auth.PortalSession;
import io.postventa.portal.clients.LinkClient;
import io.postventa.portal.clients.NotificationClient;
import io.postventa.portal.web.Calls;
import io.postventa.portal.web.Pages;
import io.postventa.portal.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The customer's message preferences (channels per kind of message, quiet hours, language), kept by
 * notification-service; and the unsubscribe link of every message, which asks before it switches a kind off.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PreferencesPages {
    /** The channels a customer chooses between (LOG is the platform's own). */
    static final NotificationChannel[] CHANNELS = {NotificationChannel.EMAIL, NotificationChannel.SMS,
            NotificationChannel.WHATSAPP, NotificationChannel.PUSH};

    private final NotificationClient notifications;
    private final LinkClient links;
    private final Calls calls;
    private final Pages pages;
    private final PortalSession session;
    private final Template page;
    private final Template unsubscribe;
    private final io.postventa.portal.web.Lang lang;
    private final io.vertx.core.http.HttpServerResponse response;

    public PreferencesPages(@RestClient NotificationClient notifications, @RestClient LinkClient links, Calls calls,
            Pages pages, PortalSession session, @Location("preferences.html") Template page,
            @Location("unsubscribe.html") Template unsubscribe, io.postventa.portal.web.Lang lang,
            io.vertx.core.http.HttpServerResponse response) {
        this.lang = lang;
        this.response = response;
        this.notifications = notifications;
        this.links = links;
        this.calls = calls;
        this.pages = pages;
        this.session = session;
        this.page = page;
        this.unsubscribe = unsubscribe;
    }

    @GET
    @Path("/preferences")
    public Response show(@QueryParam("done") String done) {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        Part<Object> prefs = calls.call("notification-service", notifications::preferences);
        return Response.ok(view(prefs, typedFrom(prefs), Map.of(), null, "saved".equals(done))).build();
    }

    @POST
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, String> typed = new HashMap<>();
        for (MessageKind kind : MessageKind.values()) {
            Map<String, Boolean> perChannel = new LinkedHashMap<>();
            for (NotificationChannel channel : CHANNELS) {
                boolean on = form.containsKey(kind.name() + "." + channel.name());
                perChannel.put(channel.name(), on);
                typed.put(kind.name() + "." + channel.name(), on ? "on" : "");
            }
            channels.put(kind.name(), perChannel);
        }
        String start = form.getFirst("quietStart");
        String end = form.getFirst("quietEnd");
        String language = form.getFirst("language");
        typed.put("quietStart", start == null ? "" : start);
        typed.put("quietEnd", end == null ? "" : end);
        typed.put("language", language == null ? "" : language);
        Map<String, String> errors = new LinkedHashMap<>();
        boolean noQuiet = blank(start) && blank(end);
        if (!noQuiet && (blank(start) || blank(end))) {
            errors.put(blank(start) ? "quietHours.start" : "quietHours.end", pages.texts().get("prefs_quiet_both"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(view(Part.ok(null), typed, errors, null, false)).build();
        }
        Map<String, Object> body = new HashMap<>();
        body.put("channels", channels);
        body.put("language", blank(language) ? null : language);
        body.put("quietHours", noQuiet ? null : Map.of("start", start, "end", end));
        Part<Object> saved = calls.call("notification-service", () -> notifications.savePreferences(body));
        if (saved.isOk()) {
            return Response.seeOther(URI.create("/preferences?done=saved")).build();
        }
        return Response.status(saved.isUnavailable() ? 503 : 400)
                .entity(view(Part.ok(null), typed, saved.fieldErrors(), saved, false)).build();
    }

    @GET
    @Path("/unsubscribe")
    public Response confirm(@QueryParam("token") String token, @QueryParam("lang") String language) {
        io.vertx.core.http.Cookie adopted = lang.adopt(language);
        if (adopted != null) {
            response.addCookie(adopted);
        }
        return Response.ok(pages.page(unsubscribe, "preferences").data("token", token == null ? "" : token)
                .data("kind", kindOf(token)).data("done", false).data("failure", null)).build();
    }

    @POST
    @Path("/unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@jakarta.ws.rs.FormParam("token") String token) {
        Part<Object> done = calls.call("notification-service", () -> links.unsubscribe(token, pages.lang()));
        String kind = done.isOk() ? String.valueOf(((Map<?, ?>) done.value()).get("kind")) : kindOf(token);
        int status = done.isOk() ? 200 : done.isUnavailable() ? 503 : 400;
        return Response.status(status).entity(pages.page(unsubscribe, "preferences").data("token", token == null ? "" : token)
                .data("kind", kind).data("done", done.isOk()).data("failure", done.isOk() ? null : done)).build();
    }

    private io.quarkus.qute.TemplateInstance view(Part<Object> prefs, Map<String, String> typed, Map<String, String> errors,
            Part<Object> failure, boolean saved) {
        Map<String, Map<String, Boolean>> on = new HashMap<>();
        for (MessageKind kind : MessageKind.values()) {
            Map<String, Boolean> perChannel = new HashMap<>();
            for (NotificationChannel channel : CHANNELS) {
                perChannel.put(channel.name(), "on".equals(typed.get(kind.name() + "." + channel.name())));
            }
            on.put(kind.name(), perChannel);
        }
        return pages.page(page, "preferences").data("prefs", prefs).data("typed", typed).data("errors", errors)
                .data("on", on)
                .data("failure", failure).data("saved", saved).data("kinds", MessageKind.values())
                .data("channels", CHANNELS);
    }

    /** What the form shows for the stored preferences. */
    private static Map<String, String> typedFrom(Part<Object> prefs) {
        Map<String, String> typed = new HashMap<>();
        if (!prefs.isOk() || !(prefs.value() instanceof Map<?, ?> p)) {
            return typed;
        }
        if (p.get("channels") instanceof Map<?, ?> channels) {
            channels.forEach((kind, perChannel) -> {
                if (perChannel instanceof Map<?, ?> m) {
                    m.forEach((channel, on) -> typed.put(kind + "." + channel, Boolean.TRUE.equals(on) ? "on" : ""));
                }
            });
        }
        if (p.get("quietHours") instanceof Map<?, ?> q) {
            typed.put("quietStart", String.valueOf(q.get("start")));
            typed.put("quietEnd", String.valueOf(q.get("end")));
        }
        typed.put("language", p.get("language") == null ? "" : String.valueOf(p.get("language")));
        return typed;
    }

    /**
     * The kind of message an unsubscribe token names, to ask about it by name; read from the token's first part
     * without trusting it (notification-service checks the signature when the customer confirms).
     */
    static String kindOf(String token) {
        if (token == null || token.indexOf('.') <= 0) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8);
            String kind = payload.substring(payload.lastIndexOf('|') + 1);
            return MessageKind.valueOf(kind).name();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
