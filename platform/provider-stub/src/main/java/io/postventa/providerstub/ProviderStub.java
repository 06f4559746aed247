package io.postventa.providerstub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the SMS, WhatsApp and push providers that notification-service's HTTP adapters post to: the JDK's
 * HttpServer on a free port of 127.0.0.1, one path per channel ({@code /sms}, {@code /whatsapp}, {@code /push}).
 * It answers 200 with a message id ({@code {"id":"sms-1"}}), 401 when it was built to require a key and the
 * request lacks it, and any status a test asks for ({@link Builder#failWhen}) to the messages that match. It keeps
 * every request it received (unless told not to), hands each to a listener before answering, and can append each
 * accepted message to {@code <dir>/<channel>.jsonl} as {@code ./postventa up} does.
 *
 * <pre>
 * try (ProviderStub providers = ProviderStub.builder().authorization("Bearer key").start()) {
 *     settings.putAll(providers.notificationSettings());
 *     ...
 *     providers.received("sms", orderId);
 * }
 * </pre>
 */
public final class ProviderStub implements AutoCloseable {
    static {
        // The JDK server writes a response's headers and body apart; without TCP_NODELAY the body waits for the
        // client's delayed ACK, about 40 ms a request, which capped every sender at ~25 requests/s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The channels there is a provider for, each served on its own path. */
    public static final List<String> CHANNELS = List.of("sms", "whatsapp", "push");

    /**
     * One request a provider received: its channel ({@code sms}, {@code whatsapp}, {@code push}), its headers (names
     * in lower case), its body, when it arrived (wall clock and {@link System#nanoTime()}), and the status answered.
     */
    public record Received(String channel, Map<String, List<String>> headers, String body, Instant at, long nanoTime,
            int status) {

        /** A header's first value (any case of its name), null when the request had none. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The Authorization header the request carried, null without one. */
        public String authorization() {
            return header("Authorization");
        }

        /** Whether the provider took the message (a 2xx answer). */
        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    private record Failure(BiPredicate<String, String> when, int status) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String authorization;
    private final List<Failure> failures;
    private final Path journal;
    private final boolean keep;
    private volatile Consumer<Received> listener;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong count = new AtomicLong();

    private ProviderStub(Builder builder) throws IOException {
        this.authorization = builder.authorization;
        this.failures = List.copyOf(builder.failures);
        this.journal = builder.journal;
        this.keep = builder.keep;
        this.listener = builder.listener;
        if (journal != null) {
            Files.createDirectories(journal);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        executor = Executors.newFixedThreadPool(builder.threads, r -> {
            Thread t = new Thread(r, "provider-stub");
            t.setDaemon(true);
            return t;
        });
        for (String channel : CHANNELS) {
            server.createContext("/" + channel, exchange -> handle(channel, exchange));
        }
        server.setExecutor(executor);
        server.start();
    }

    /** A stub that accepts every message, keeps every request and writes no files. */
    public static ProviderStub start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the stub behaves; {@link #start()} binds it. */
    public static final class Builder {
        private String authorization;
        private final List<Failure> failures = new ArrayList<>();
        private Path journal;
        private boolean keep = true;
        private Consumer<Received> listener = r -> {
        };
        private int threads = 8;

        private Builder() {
        }

        /** Answer 401 to any request whose Authorization header is not exactly {@code value}. */
        public Builder authorization(String value) {
            this.authorization = value;
            return this;
        }

        /** Answer {@code status} to the messages of a channel whose body matches (a provider outage on demand). */
        public Builder failWhen(BiPredicate<String, String> channelAndBody, int status) {
            failures.add(new Failure(channelAndBody, status));
            return this;
        }

        /** Append each accepted message to {@code <dir>/<channel>.jsonl}: {@code <instant> <id> <body on one line>}. */
        public Builder journal(Path dir) {
            this.journal = dir;
            return this;
        }

        /** Whether to keep the requests for {@link ProviderStub#received}; a long load test only counts them. */
        public Builder keepRequests(boolean keep) {
            this.keep = keep;
            return this;
        }

        /** Told about each request before it is answered; what it throws is ignored, the answer is not changed. */
        public Builder onRequest(Consumer<Received> listener) {
            this.listener = listener;
            return this;
        }

        /** How many requests are served at once (8 by default). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Binds a free port of 127.0.0.1 and starts answering. */
        public ProviderStub start() {
            try {
                return new ProviderStub(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the SMS/WhatsApp/push provider stub: " + e.getMessage(), e);
            }
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}; a channel's provider is at {@code <url>/<channel>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** notification-service's settings that point its SMS, WhatsApp and push adapters here, with the key if one is required. */
    public Map<String, String> notificationSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String channel : CHANNELS) {
            settings.put("postventa.notification.providers." + channel + ".url", url() + "/" + channel);
            if (authorization != null) {
                settings.put("postventa.notification.providers." + channel + ".auth-value", authorization);
            }
        }
        return settings;
    }

    /** Every request received so far (kept ones), oldest first, whatever was answered. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests to one channel whose body mentions {@code text}, oldest first, whatever was answered. */
    public List<Received> received(String channel, String text) {
        return received.stream().filter(r -> r.channel().equals(channel) && r.body().contains(text)).toList();
    }

    /** Who is told about each request from now on (a benchmark's measuring phase), instead of the builder's listener. */
    public void onRequest(Consumer<Received> listener) {
        this.listener = listener;
    }

    /** How many requests arrived, kept or not. */
    public long count() {
        return count.get();
    }

    private void handle(String channel, HttpExchange exchange) throws IOException {
        try (exchange) {
            long nanos = System.nanoTime();
            Instant at = Instant.now();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            int status = status(channel, headers, body);
            Received request = new Received(channel, Map.copyOf(headers), body, at, nanos, status);
            count.incrementAndGet();
            if (keep) {
                received.add(request);
            }
            try {
                listener.accept(request);
            } catch (RuntimeException e) {
                // a listener's bug must not turn into provider errors that the service would retry
            }
            String answer;
            if (request.accepted()) {
                String id = channel + "-" + ids.incrementAndGet();
                write(channel, at, id, body);
                answer = "{\"id\":\"" + id + "\"}";
            } else {
                answer = status == 401 ? "{\"error\":\"unauthorized\"}" : "{\"error\":\"unavailable\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private int status(String channel, Map<String, List<String>> headers, String body) {
        if (authorization != null) {
            List<String> given = headers.get("authorization");
            if (given == null || !authorization.equals(given.get(0))) {
                return 401;
            }
        }
        for (Failure failure : failures) {
            if (failure.when().test(channel, body)) {
                return failure.status();
            }
        }
        return 200;
    }

    private void write(String channel, Instant at, String id, String body) throws IOException {
        if (journal == null) {
            return;
        }
        String line = at + " " + id + " " + body.replace('\n', ' ') + "\n";
        synchronized (this) {
            Files.writeString(journal.resolve(channel + ".jsonl"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
