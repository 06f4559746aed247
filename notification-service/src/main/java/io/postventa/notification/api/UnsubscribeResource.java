package io.postventa.notification.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.UnsubscribeToken;
import io.postventa.notification.service.MessageLinkEvents;
import io.postventa.notification.service.PreferencesService;
import io.postventa.web.ProblemException;
import io.postventa.web.Texts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One-click unsubscribe from a message's link, without login: the signed token is the credential and allows
 * only switching one kind of message off for one customer. GET shows a confirmation page (mail scanners
 * prefetch links), POST unsubscribes (RFC 8058 List-Unsubscribe-Post): a browser's form gets a page, any other
 * client JSON. Texts are in the customer's language (their choice, else their profile, else the browser's). The first
 * unsubscribe through a message's link publishes notification.unsubscribed with that message's template and variant.
 */
@Path("/api/v1/unsubscribe")
@PermitAll
@SecurityRequirements
public class UnsubscribeResource {
    private final PreferencesService preferences;
    private final MessageLinkEvents linkEvents;
    private final UnsubscribeToken tokens;
    private final Texts texts;
    private final Template unsubscribe;

    public UnsubscribeResource(PreferencesService preferences, MessageLinkEvents linkEvents, NotificationConfig config,
            Texts texts, @Location("unsubscribe") Template unsubscribe) {
        this.preferences = preferences;
        this.linkEvents = linkEvents;
        this.tokens = new UnsubscribeToken(config.unsubscribeSecret());
        this.texts = texts;
        this.unsubscribe = unsubscribe;
    }

    /** What an unsubscribe did. */
    public record Unsubscribed(String kind, String message) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The unsubscribe page of a message's link (HTML), asking to confirm")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public String confirm(@QueryParam("token") String token, @Context HttpHeaders headers) {
        UnsubscribeToken.Subject subject = verify(token);
        String language = preferences.languageOf(subject.customerId(), browserLanguage(headers));
        Map<String, String> kind = Map.of("kind", texts.get(language, "kind." + subject.kind().name()));
        return page(language, false, texts.get(language, "unsubscribe.title"),
                texts.get(language, "unsubscribe.question", kind));
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Unsubscribe with a message's link token (also the one-click List-Unsubscribe POST)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Response unsubscribe(@QueryParam("token") String token, @Context HttpHeaders headers) {
        UnsubscribeToken.Subject subject = verify(token);
        linkEvents.unsubscribe(subject.customerId(), subject.kind(), subject.messageId());
        String language = preferences.languageOf(subject.customerId(), browserLanguage(headers));
        Map<String, String> kind = Map.of("kind", texts.get(language, "kind." + subject.kind().name()));
        String message = texts.get(language, "unsubscribe.done", kind);
        if (wantsPage(headers)) {
            return Response.ok(page(language, true, texts.get(language, "unsubscribe.done.title"), message),
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(new Unsubscribed(subject.kind().name(), message), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private String page(String language, boolean done, String title, String text) {
        return unsubscribe.data("language", language).data("done", done).data("title", title).data("text", text)
                .data("button", texts.get(language, "unsubscribe.button")).render();
    }

    private UnsubscribeToken.Subject verify(String token) {
        return tokens.verify(token).orElseThrow(() -> ProblemException.badField("token",
                "is not a valid unsubscribe token (it may have been cut or changed)"));
    }

    /** A browser submitting the confirmation form asks for HTML first; mail clients' one-click POST does not. */
    private static boolean wantsPage(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.get(0).isWildcardType()
                && MediaType.TEXT_HTML_TYPE.isCompatible(accepted.get(0));
    }

    private static String browserLanguage(HttpHeaders headers) {
        return headers.getAcceptableLanguages().isEmpty() ? null : headers.getAcceptableLanguages().get(0).toLanguageTag();
    }
}
