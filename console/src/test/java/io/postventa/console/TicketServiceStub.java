package io.postventa.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for ticket-service's HTTP API with one ticket last changed at 09:30, answering writes the way the real service
 * does when the page is stale (412) or the input is refused (400 problem+json naming the field). The console's own
 * tests use it to check what a person sees; the real service is used by the system tests.
 */
public class TicketServiceStub implements QuarkusTestResourceLifecycleManager {
    /** The last If-Match and Authorization headers each path received. */
    public static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private HttpServer server;

    static final String TICKET = """
            {"ticket":{"id":"t-1","status":"OPEN","reason":"OTHER","priority":"NORMAL","channel":"EMAIL",
             "email":"a***@example.com","subject":"Broken lamp","teamId":"in-house","updatedAt":"2026-12-07T09:30:00.123456Z",
             "firstResponseDueAt":"2026-12-07T10:00:00Z","resolutionDueAt":"2026-12-09T10:00:00Z"},
             "order":null,"returns":[],
             "messages":[{"id":"m-1","kind":"CUSTOMER","author":"c-1","body":"The lamp arrived broken",
             "createdAt":"2026-12-07T09:00:00Z"}]}""";

    /** Waiting for the customer: the SLA clock is paused, so ticket-service gives no resolution due time. */
    static final String PAUSED_TICKET = """
            {"ticket":{"id":"t-2","status":"PENDING_CUSTOMER","reason":"OTHER","priority":"NORMAL","channel":"EMAIL",
             "email":"b***@example.com","subject":"Which size?","teamId":"in-house","updatedAt":"2026-12-07T09:40:00Z",
             "firstResponseAt":"2026-12-07T09:20:00Z","firstResponseDueAt":"2026-12-07T10:00:00Z",
             "resolutionDueAt":null,"slaPaused":true},
             "order":null,"returns":[],
             "messages":[{"id":"m-2","kind":"CUSTOMER","author":"c-2","body":"Which size should I order?",
             "createdAt":"2026-12-07T09:00:00Z"}]}""";

    /** A damaged item of a known customer and order: its reason has a procedure, whose reply the page drafts. */
    static final String DAMAGED_TICKET = """
            {"ticket":{"id":"t-3","status":"OPEN","reason":"DAMAGED_ITEM","priority":"HIGH","channel":"EMAIL",
             "customerId":"c-3","orderId":"o-3","email":"c***@example.com","subject":"Broken vase","teamId":"in-house",
             "language":"en","updatedAt":"2026-12-07T09:50:00Z","firstResponseDueAt":"2026-12-07T10:00:00Z",
             "resolutionDueAt":"2026-12-09T10:00:00Z"},
             "order":null,"returns":[],
             "messages":[{"id":"m-3","kind":"CUSTOMER","author":"c-3","body":"The vase arrived in pieces",
             "createdAt":"2026-12-07T09:00:00Z"}]}""";

    static final String PROCEDURE = """
            {"id":"damaged","reason":"DAMAGED_ITEM","name":"Damaged on arrival","steps":["Ask for a photo"]}""";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        // notification-service's messages sent to a customer too: the ticket view asks for them on another thread
        return Map.of("quarkus.rest-client.ticket.url", url, "quarkus.rest-client.notification.url", url);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        SEEN.put(method + " " + path + " If-Match", String.valueOf(exchange.getRequestHeaders().getFirst("If-Match")));
        SEEN.put(method + " " + path + " Authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        exchange.getRequestBody().readAllBytes();
        if (method.equals("GET") && path.matches("/api/v1/tickets/t-1(/workspace)?")) {
            send(exchange, 200, "application/json", TICKET);
        } else if (method.equals("GET") && path.matches("/api/v1/tickets/t-2(/workspace)?")) {
            send(exchange, 200, "application/json", PAUSED_TICKET);
        } else if (method.equals("GET") && path.equals("/api/v1/tickets/t-3/workspace")) {
            // the workspace: the ticket with its reason's procedure and the reply drafted
            send(exchange, 200, "application/json", DAMAGED_TICKET.substring(0, DAMAGED_TICKET.length() - 1)
                    + ",\"procedure\":" + PROCEDURE + ",\"draft\":{\"procedureId\":\"damaged\",\"language\":\"en\","
                    + "\"body\":\"Sorry about the vase: please send us a photo.\"}}");
        } else if (method.equals("GET") && path.equals("/api/v1/procedures")) {
            send(exchange, 200, "application/json", "[" + PROCEDURE + "]");
        } else if (method.equals("GET") && path.equals("/api/v1/customers/c-3/notifications")) {
            send(exchange, 200, "application/json", "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");
        } else if (method.equals("POST") && path.equals("/api/v1/tickets/t-1/messages")) {
            send(exchange, 412, "application/problem+json", """
                    {"type":"about:blank","title":"Precondition Failed","status":412,
                     "detail":"the ticket changed since 2026-12-07T09:30:00.123456Z; reload it"}""");
        } else if (method.equals("POST") && path.equals("/api/v1/tickets/t-1/merge")) {
            send(exchange, 400, "application/problem+json", """
                    {"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid input",
                     "errors":[{"field":"sourceTicketId","message":"no such ticket"}]}""");
        } else {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
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
