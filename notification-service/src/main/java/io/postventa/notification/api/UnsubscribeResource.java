package io.postventa.notification.api;

import io.postventa.events.notifications.MessageKind;
import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.UnsubscribeToken;
import io.postventa.notification.service.PreferencesService;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * One-click unsubscribe from a message's link, without login: the signed token is the credential and allows
 * only switching one kind of message off for one customer. GET shows a confirmation page (mail scanners
 * prefetch links), POST unsubscribes (RFC 8058 List-Unsubscribe-Post).
 */
@Path("/api/v1/unsubscribe")
@PermitAll
public class UnsubscribeResource {
    private final PreferencesService preferences;
    private final UnsubscribeToken tokens;

    public UnsubscribeResource(PreferencesService preferences, NotificationConfig config) {
        this.preferences = preferences;
        this.tokens = new UnsubscribeToken(config.unsubscribeSecret());
    }

    /** What an unsubscribe did. */
    public record Unsubscribed(String kind, String message) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String confirm(@QueryParam("token") String token) {
        UnsubscribeToken.Subject subject = verify(token);
        String label = label(subject.kind());
        return "<!doctype html><html><body><form method=\"post\"><p>¿Dejar de recibir " + label.split("\\|")[0]
                + "? / Stop receiving " + label.split("\\|")[1] + "?</p><button type=\"submit\">Darme de baja / Unsubscribe"
                + "</button></form></body></html>";
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Unsubscribed unsubscribe(@QueryParam("token") String token) {
        UnsubscribeToken.Subject subject = verify(token);
        preferences.unsubscribe(subject.customerId(), subject.kind());
        String label = label(subject.kind());
        return new Unsubscribed(subject.kind().name(), "Ya no recibirás " + label.split("\\|")[0]
                + ". / You will no longer receive " + label.split("\\|")[1] + ".");
    }

    private UnsubscribeToken.Subject verify(String token) {
        return tokens.verify(token).orElseThrow(() -> ProblemException.badField("token",
                "is not a valid unsubscribe token (it may have been cut or changed)"));
    }

    private static String label(MessageKind kind) {
        return switch (kind) {
            case ORDER_UPDATES -> "avisos sobre tus pedidos|order updates";
            case RETURNS -> "avisos sobre tus devoluciones|return updates";
            case SUPPORT -> "avisos sobre tus consultas|support updates";
            case SURVEYS -> "encuestas|surveys";
            case PERSONAL_MOMENTS -> "felicitaciones|personal messages";
        };
    }
}
