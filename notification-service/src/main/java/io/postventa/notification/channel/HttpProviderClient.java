package io.postventa.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import io.postventa.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Posts a message to an HTTP messaging provider (SMS, WhatsApp, push): configurable URL, auth header and body
 * template, whose {to}, {title}, {text}, {unsubscribeUrl} and {messageId} placeholders are filled JSON-escaped.
 */
@ApplicationScoped
public class HttpProviderClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final SendTracing tracing;

    public HttpProviderClient(NotificationConfig config, SendTracing tracing) {
        this.config = config;
        this.tracing = tracing;
    }

    /** Sends and returns the provider's message id (its JSON {@code id}, if any). */
    public String post(String channel, OutgoingMessage message) {
        NotificationConfig.Provider provider = config.providers().get(channel);
        if (provider == null || provider.url().isEmpty()) {
            throw new ProviderException("NOT_CONFIGURED", "no provider URL for " + channel);
        }
        String body = provider.bodyTemplate()
                .replace("{to}", escape(message.recipient()))
                .replace("{title}", escape(message.subject()))
                .replace("{text}", escape(message.body()))
                .replace("{unsubscribeUrl}", escape(message.unsubscribeUrl()))
                .replace("{messageId}", escape(message.deliveryId()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.url().get()))
                .timeout(provider.timeout())
                .header("Content-Type", provider.contentType())
                .header("Idempotency-Key", message.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        provider.authValue().ifPresent(value -> request.header(provider.authHeader(), value));
        HttpResponse<String> response;
        try {
            response = tracing.post(channel, request, built -> http.send(built, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new ProviderException("IO_ERROR", channel + " provider unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("INTERRUPTED", "interrupted while sending");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException("HTTP_" + response.statusCode(), channel + " provider answered "
                    + response.statusCode());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return json != null && json.hasNonNull("id") ? json.get("id").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        String quoted = TextNode.valueOf(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }
}
