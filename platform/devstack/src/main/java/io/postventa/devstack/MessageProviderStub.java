package io.postventa.devstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stack's stand-in for the SMS, WhatsApp and push providers, as GreenMail is for e-mail: it accepts
 * every message POSTed to {@code /sms}, {@code /whatsapp} or {@code /push}, answers 200 with an id, and appends
 * the request body as one line to {@code messages/<channel>.jsonl} in the stack's directory. Binds a free port.
 */
public final class MessageProviderStub implements AutoCloseable {
    static {
        // The JDK server writes a response's headers and body apart; without TCP_NODELAY the body waits for the
        // client's delayed ACK, about 40 ms a request, which capped every sender at ~25 requests/s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final List<String> CHANNELS = List.of("sms", "whatsapp", "push");

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong();

    private MessageProviderStub(HttpServer server) {
        this.server = server;
    }

    /** Starts the stub on a free port of 127.0.0.1, writing to {@code dir}. */
    public static MessageProviderStub start(Path dir) {
        try {
            Files.createDirectories(dir);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            MessageProviderStub stub = new MessageProviderStub(server);
            for (String channel : CHANNELS) {
                Path file = dir.resolve(channel + ".jsonl");
                server.createContext("/" + channel, exchange -> {
                    try (exchange; InputStream in = exchange.getRequestBody()) {
                        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace('\n', ' ');
                        String id = channel + "-" + stub.ids.incrementAndGet();
                        synchronized (stub) {
                            Files.writeString(file, Instant.now() + " " + id + " " + body + "\n", StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        }
                        byte[] answer = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, answer.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(answer);
                        }
                    }
                });
            }
            server.start();
            return stub;
        } catch (IOException e) {
            throw new StackException("cannot start the local SMS/WhatsApp/push stub: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** notification-service settings that point its SMS, WhatsApp and push adapters at this stub. */
    public Map<String, String> notificationSettings() {
        String base = "http://127.0.0.1:" + port() + "/";
        return Map.of("postventa.notification.providers.sms.url", base + "sms",
                "postventa.notification.providers.whatsapp.url", base + "whatsapp",
                "postventa.notification.providers.push.url", base + "push");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
