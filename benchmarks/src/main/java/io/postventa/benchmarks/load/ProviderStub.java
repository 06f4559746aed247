package io.postventa.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the SMS, WhatsApp and push providers: a JDK HttpServer on a free port of 127.0.0.1 that answers
 * every POST to /sms, /whatsapp or /push with 200 and a message id, and hands each request's arrival time and
 * body to a listener before answering.
 */
public final class ProviderStub implements AutoCloseable {
    static {
        // The JDK server writes a response's headers and body apart; without TCP_NODELAY the body waits for the
        // client's delayed ACK, about 40 ms a request, which capped every sender at ~25 requests/s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One provider request: when it arrived (epoch ms and nanoTime), on which path, with which body. */
    public record Arrival(long epochMillis, long nanoTime, String path, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong received = new AtomicLong();
    private volatile Consumer<Arrival> listener = a -> {
    };

    public ProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "provider-stub");
            t.setDaemon(true);
            return t;
        });
        for (String path : new String[] {"/sms", "/whatsapp", "/push"}) {
            server.createContext(path, this::handle);
        }
        server.setExecutor(executor);
        server.start();
    }

    /** Base URL of the stub, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Settings that point notification-service's SMS, WhatsApp and push providers at this stub. */
    public Map<String, String> notificationServiceSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String channel : List.of("sms", "whatsapp", "push")) {
            settings.put("postventa.notification.providers." + channel + ".url", url() + "/" + channel);
        }
        return settings;
    }

    /** Who is told about each request from now on. */
    public void onArrival(Consumer<Arrival> listener) {
        this.listener = listener;
    }

    public long received() {
        return received.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long n = received.incrementAndGet();
        try {
            listener.accept(new Arrival(millis, nanos, exchange.getRequestURI().getPath(), body));
        } catch (RuntimeException e) {
            // a listener's bug must not turn into provider errors that the service would retry
        }
        byte[] answer = ("{\"id\":\"stub-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
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
