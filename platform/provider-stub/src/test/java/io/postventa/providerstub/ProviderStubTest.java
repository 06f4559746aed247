package io.postventa.providerstub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderStubTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(ProviderStub stub, String channel, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.url() + "/" + channel))
                .header("Content-Type", "application/json").header("Idempotency-Key", "delivery-1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMessageIsAcceptedWithAnIdAndKeptWithItsChannelHeadersAndBody() throws Exception {
        try (ProviderStub stub = ProviderStub.start()) {
            HttpResponse<String> answer = post(stub, "sms", null, "{\"to\":\"+34600000001\",\"text\":\"ORD-1 shipped\"}");

            assertEquals(200, answer.statusCode());
            assertEquals("{\"id\":\"sms-1\"}", answer.body());
            List<ProviderStub.Received> got = stub.received("sms", "ORD-1");
            assertEquals(1, got.size(), "the SMS provider was asked once: " + stub.received());
            assertEquals("delivery-1", got.get(0).header("idempotency-key"));
            assertTrue(got.get(0).accepted());
            assertEquals(List.of(), stub.received("push", "ORD-1"), "nothing went to the push provider");
        }
    }

    @Test
    void withAKeyRequiredARequestWithoutItIsRefusedAndTheSettingsCarryTheKey() throws Exception {
        try (ProviderStub stub = ProviderStub.builder().authorization("Bearer right").start()) {
            assertEquals(401, post(stub, "whatsapp", "Bearer wrong", "{\"text\":\"hola\"}").statusCode());
            assertEquals(401, post(stub, "whatsapp", null, "{\"text\":\"hola\"}").statusCode());
            assertEquals(200, post(stub, "whatsapp", "Bearer right", "{\"text\":\"hola\"}").statusCode());

            assertEquals(List.of(401, 401, 200),
                    stub.received("whatsapp", "hola").stream().map(ProviderStub.Received::status).toList());
            Map<String, String> settings = stub.notificationSettings();
            assertEquals(stub.url() + "/push", settings.get("postventa.notification.providers.push.url"));
            assertEquals("Bearer right", settings.get("postventa.notification.providers.sms.auth-value"));
        }
    }

    @Test
    void theMessagesATestSaysFailAreAnsweredWithItsStatusAndTheOthersAccepted() throws Exception {
        try (ProviderStub stub = ProviderStub.builder()
                .failWhen((channel, body) -> body.contains("\"+34999"), 503).start()) {
            assertEquals(503, post(stub, "sms", null, "{\"to\":\"+34999123456\"}").statusCode());
            assertEquals(200, post(stub, "sms", null, "{\"to\":\"+34600123456\"}").statusCode());
            assertEquals(2, stub.count());
        }
    }

    @Test
    void withAJournalEachAcceptedMessageIsAppendedAsOneLineToItsChannelsFile(@TempDir Path dir) throws Exception {
        Path messages = dir.resolve("messages");
        try (ProviderStub stub = ProviderStub.builder().journal(messages).start()) {
            post(stub, "push", null, "{\"title\":\"Tu pedido\",\n\"text\":\"ha salido\"}");
            post(stub, "push", null, "{\"title\":\"Otro\"}");
        }
        List<String> lines = Files.readAllLines(messages.resolve("push.jsonl"), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), "one line a message: " + lines);
        assertTrue(lines.get(0).matches("\\S+Z push-1 \\{\"title\":\"Tu pedido\", \"text\":\"ha salido\"}"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" push-2 {\"title\":\"Otro\"}"), lines.get(1));
        assertTrue(Files.notExists(messages.resolve("sms.jsonl")), "no SMS, no SMS file");
    }

    @Test
    void aListenerHearsOfEachRequestBeforeItIsAnsweredAndCannotBreakTheAnswer() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (ProviderStub stub = ProviderStub.builder().keepRequests(false).onRequest(r -> {
            heard.add(r.channel() + " " + r.body());
            throw new IllegalStateException("a listener's bug");
        }).start()) {
            assertEquals(200, post(stub, "sms", null, "one").statusCode());
            assertEquals(List.of("sms one"), heard);

            List<String> later = new CopyOnWriteArrayList<>();
            stub.onRequest(r -> later.add(r.channel() + " " + r.body()));
            assertEquals(200, post(stub, "push", null, "two").statusCode());
            assertEquals(List.of("push two"), later, "a listener set once it runs hears what comes next");
            assertEquals(List.of("sms one"), heard, "and the first one no more");
            assertEquals(List.of(), stub.received(), "not kept when told not to");
            assertEquals(2, stub.count());
        }
    }
}
