package io.postventa.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real local HTTP messaging provider (the JDK's HttpServer) for the SMS, WhatsApp and push adapters. It
 * answers 503 to any message for a phone number starting with {@link #BROKEN_PREFIX} (a provider outage for
 * that test's customer only), 401 without the right key, and 202 with an id otherwise.
 */
public class ProviderServer implements QuarkusTestResourceLifecycleManager {
    public static final String KEY = "Bearer provider-test-key";
    public static final String BROKEN_PREFIX = "+34999";

    /** One request the provider received. */
    public record Received(String path, String authorization, String idempotencyKey, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    /** Requests to a channel's path whose body mentions {@code text}. */
    public static List<Received> received(String path, String text) {
        return RECEIVED.stream().filter(r -> r.path().equals(path) && r.body().contains(text)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "postventa.notification.providers.sms.url", base + "/sms",
                "postventa.notification.providers.sms.auth-value", KEY,
                "postventa.notification.providers.whatsapp.url", base + "/whatsapp",
                "postventa.notification.providers.whatsapp.auth-value", KEY,
                "postventa.notification.providers.push.url", base + "/push",
                "postventa.notification.providers.push.auth-value", KEY);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        RECEIVED.add(new Received(exchange.getRequestURI().getPath(), auth,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        int status;
        String answer;
        if (!KEY.equals(auth)) {
            status = 401;
            answer = "{\"error\":\"unauthorized\"}";
        } else if (body.contains("\"" + BROKEN_PREFIX)) {
            status = 503;
            answer = "{\"error\":\"unavailable\"}";
        } else {
            status = 202;
            answer = "{\"id\":\"prov-" + UUID.randomUUID() + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
