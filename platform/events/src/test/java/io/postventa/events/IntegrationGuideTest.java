package io.postventa.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The integrator's guide (docs/integration-guide.md) shows a complete, current example for every inbound event type. */
class IntegrationGuideTest {

    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        // Surefire runs with the module directory (platform/events) as working directory.
        readme = Files.readString(Path.of("../../docs/integration-guide.md"), StandardCharsets.UTF_8);
    }

    static List<EventType> inboundTypes() {
        return Topics.INBOUND.stream().flatMap(topic -> EventType.onTopic(topic).stream()).toList();
    }

    @ParameterizedTest
    @MethodSource("inboundTypes")
    void guideHasASectionWithHeadersKeyAndTheExampleForEveryInboundEventType(EventType type) {
        JsonNode example = EventJson.readTree(Resources.read(type.examplePath()));
        String section = section(type.name());
        String key = example.get(type.keyProperty()).asText();
        assertTrue(section.contains("ce_type: " + type.ceType()), () -> "the guide's section " + type + " should show its ce_type");
        assertTrue(section.contains("key:     " + key), () -> "the guide's section " + type + " should show the record key " + key);
        int start = section.indexOf("value:\n");
        assertTrue(start >= 0, () -> "the guide's section " + type + " should show the record value");
        String json = section.substring(start + "value:\n".length(), section.indexOf("\n```", start));
        assertTrue(EventJson.readTree(json).equals(example),
                () -> "the guide's example for " + type + " differs from " + type.examplePath());
    }

    private static String section(String heading) {
        int start = readme.indexOf("\n### " + heading + "\n");
        assertTrue(start >= 0, () -> "the guide has no '### " + heading + "' section");
        int end = readme.indexOf("\n### ", start + 5);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }
}
