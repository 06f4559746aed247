package io.postventa.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** asyncapi.yaml documents every topic, its dead-letter topic and every event type of the catalogue. */
class AsyncApiDocumentTest {

    private static final List<String> CE_HEADERS =
            List.of("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject", "content-type");

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(Resources.read("asyncapi.yaml"));
    }

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertFalse(doc.path("info").path("title").asText().isBlank());
    }

    @Test
    void everyTopicAndItsDeadLetterTopicHasAChannel() {
        for (String topic : Topics.ALL) {
            JsonNode channel = channelFor(topic).orElseThrow(() -> new AssertionError("no channel with address " + topic));
            assertFalse(channel.path("x-producers").isEmpty(), topic + " should name its producers");
            assertFalse(channel.path("x-consumers").isEmpty(), topic + " should name its consumers");
            assertEquals(Topics.dlq(topic), channel.path("x-dead-letter-topic").asText());
            assertTrue(channelFor(Topics.dlq(topic)).isPresent(), "no channel for " + Topics.dlq(topic));
        }
    }

    @Test
    void onlyCustomersIsCompactedAndItDocumentsTheTombstone() {
        for (String topic : Topics.ALL) {
            JsonNode channel = channelFor(topic).orElseThrow();
            String policy = channel.at("/bindings/kafka/topicConfiguration/cleanup.policy/0").asText();
            assertEquals(topic.equals(Topics.CUSTOMERS) ? "compact" : "delete", policy, topic + " cleanup.policy");
        }
        assertTrue(channelFor(Topics.CUSTOMERS).orElseThrow().path("description").asText().contains("tombstone"));
    }

    @Test
    void cloudEventsHeadersAreRequired() {
        JsonNode headers = doc.at("/components/schemas/cloudEventsHeaders");
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(n -> required.add(n.asText()));
        assertEquals(CE_HEADERS, required);
        assertEquals("1.0", headers.at("/properties/ce_specversion/const").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasAMessageOnItsTopicWithItsSchemaAndKey(EventType type) {
        JsonNode channel = channelFor(type.topic()).orElseThrow();
        JsonNode message = null;
        String messageId = null;
        for (var it = channel.path("messages").fields(); it.hasNext(); ) {
            var entry = it.next();
            JsonNode resolved = resolve(entry.getValue().path("$ref").asText());
            if (type.ceType().equals(resolved.path("name").asText())) {
                message = resolved;
                messageId = entry.getKey();
            }
        }
        assertNotNull(message, () -> "channel " + type.topic() + " has no message named " + type.ceType());
        assertEquals("./" + type.schemaPath(), message.at("/payload/$ref").asText(), type + " payload");
        assertTrue(Resources.find(message.at("/payload/$ref").asText().substring(2)).isPresent(), type + " payload file");
        assertEquals(type.ceType(), message.at("/headers/allOf/1/properties/ce_type/const").asText(), type + " ce_type header");
        assertEquals("#/components/schemas/cloudEventsHeaders", message.at("/headers/allOf/0/$ref").asText());
        assertEquals("string", message.at("/bindings/kafka/key/type").asText(), type + " key");
        assertEquals(type.examplePath(), message.path("x-example").asText());
        assertEquals(type.keyProperty(), channel.at("/x-key/property").asText(), type + " key property");
        assertTrue(producersOf(type.topic()).contains(type.producer()), type + " producer " + type.producer());

        String expectedRef = "#/channels/" + channelId(type.topic()) + "/messages/" + messageId;
        boolean sent = false;
        for (JsonNode operation : doc.path("operations")) {
            if ("send".equals(operation.path("action").asText())) {
                for (JsonNode ref : operation.path("messages")) {
                    sent |= expectedRef.equals(ref.path("$ref").asText());
                }
            }
        }
        assertTrue(sent, () -> "no send operation for " + expectedRef);
    }

    @Test
    void everyDocumentedMessageIsInTheCatalogue() {
        Set<String> documented = new HashSet<>();
        doc.at("/components/messages").forEach(m -> documented.add(m.path("name").asText()));
        documented.remove("dead-letter");
        Set<String> catalogue = new HashSet<>();
        for (EventType type : EventType.values()) {
            catalogue.add(type.ceType());
        }
        assertEquals(catalogue, documented);
    }

    private static Set<String> producersOf(String topic) {
        Set<String> producers = new HashSet<>();
        channelFor(topic).orElseThrow().path("x-producers").forEach(p -> producers.add(p.asText()));
        return producers;
    }

    private static Optional<JsonNode> channelFor(String address) {
        for (JsonNode channel : doc.path("channels")) {
            if (address.equals(channel.path("address").asText())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    private static String channelId(String address) {
        for (var it = doc.path("channels").fields(); it.hasNext(); ) {
            var entry = it.next();
            if (address.equals(entry.getValue().path("address").asText())) {
                return entry.getKey();
            }
        }
        throw new AssertionError("no channel " + address);
    }

    private static JsonNode resolve(String ref) {
        assertTrue(ref.startsWith("#/"), "local $ref expected: " + ref);
        JsonNode node = doc.at(ref.substring(1));
        assertFalse(node.isMissingNode(), "dangling $ref " + ref);
        return node;
    }
}
