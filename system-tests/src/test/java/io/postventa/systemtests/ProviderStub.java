package io.postventa.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local SMS / WhatsApp / push provider (the JDK's HttpServer on a free port) that
 * notification-service's HTTP adapters send to; it accepts every call that carries the key.
 */
public final class ProviderStub implements AutoCloseable {
    static {
        // The JDK server writes a response's headers and body apart; without TCP_NODELAY the body waits for the
        // client's delayed ACK, about 40 ms a request, which capped every sender at ~25 requests/s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String KEY = "Bearer system-tests-provider-key";

    /** One message the provider was asked to deliver, and the trace its request carried (null if none). */
    public record Received(String channel, String body, String traceparent) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ProviderStub(HttpServer server) {
        this.server = server;
    }

    public static ProviderStub start() {
        try {
            ProviderStub stub = new ProviderStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            stub.server.setExecutor(stub.executor);
            stub.server.createContext("/", stub::handle);
            stub.server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the provider stub: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The messages sent through one channel ({@code sms}, {@code whatsapp}, {@code push}) that mention {@code text}. */
    public List<Received> received(String channel, String text) {
        return received.stream().filter(r -> r.channel().equals(channel) && r.body().contains(text)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean authorized = KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (authorized) {
            received.add(new Received(exchange.getRequestURI().getPath().replace("/", ""), body,
                    exchange.getRequestHeaders().getFirst("traceparent")));
        }
        byte[] answer = (authorized ? "{\"id\":\"prov-" + UUID.randomUUID() + "\"}" : "{\"error\":\"unauthorized\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(authorized ? 202 : 401, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
