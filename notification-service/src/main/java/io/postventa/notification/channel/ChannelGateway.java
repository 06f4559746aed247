package io.postventa.notification.channel;

import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The channels, each behind its own retry (exponential backoff) and circuit breaker, so one provider's outage
 * neither blocks the others nor is hammered. Settings per method through MicroProfile Fault Tolerance config,
 * e.g. {@code io.postventa.notification.channel.ChannelGateway/sms/Retry/maxRetries=3}.
 */
@ApplicationScoped
public class ChannelGateway {
    private static final Logger LOG = Logger.getLogger(ChannelGateway.class);

    private final Mailer mailer;
    private final HttpProviderClient http;
    private final SendTracing tracing;

    public ChannelGateway(Mailer mailer, HttpProviderClient http, SendTracing tracing) {
        this.mailer = mailer;
        this.http = http;
        this.tracing = tracing;
    }

    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 50, retryOn = ProviderException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = ProviderException.class)
    public String email(OutgoingMessage m) {
        m.attempts().incrementAndGet();
        try {
            Mail mail = Mail.withText(m.recipient(), m.subject(), m.body());
            if (m.replyTo() != null) {
                // names the ticket or order, so the customer's answer lands on the right ticket
                mail.setReplyTo(m.replyTo());
            }
            if (m.unsubscribeUrl() != null) {
                // RFC 8058 one-click unsubscribe, shown by mail clients next to the sender
                mail.addHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
                mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mail.addHeader("X-Postventa-Notification", m.deliveryId());
            // the same Message-ID on every attempt of one delivery: a send repeated after a crash (at-least-once) is
            // the same message to mail servers and clients, which drop a Message-ID they already have
            mail.addHeader("Message-ID", "<" + m.deliveryId() + "@notification.postventa>");
            tracing.smtp(() -> mailer.send(mail));
            return null;
        } catch (RuntimeException e) {
            throw new ProviderException("SMTP_ERROR", "SMTP server refused or unreachable: " + e.getClass().getSimpleName());
        }
    }

    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 50, retryOn = ProviderException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = ProviderException.class)
    public String sms(OutgoingMessage m) {
        m.attempts().incrementAndGet();
        return http.post("sms", m);
    }

    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 50, retryOn = ProviderException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = ProviderException.class)
    public String whatsapp(OutgoingMessage m) {
        m.attempts().incrementAndGet();
        return http.post("whatsapp", m);
    }

    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 50, retryOn = ProviderException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = ProviderException.class)
    public String push(OutgoingMessage m) {
        m.attempts().incrementAndGet();
        return http.post("push", m);
    }

    /** Development channel: writes the message to the log (without the recipient) and always succeeds. */
    public String log(OutgoingMessage m) {
        m.attempts().incrementAndGet();
        LOG.infof("notification %s: %s | %s", m.deliveryId(), m.subject(), m.body());
        return m.deliveryId();
    }
}
