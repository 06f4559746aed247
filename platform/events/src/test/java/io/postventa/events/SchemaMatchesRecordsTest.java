package io.postventa.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.ReopenTrigger;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.events.notifications.MessageKind;
import io.postventa.events.notifications.SuppressionReason;
import io.postventa.events.orders.CancellationReason;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.ItemCondition;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.events.returns.ReturnResolution;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas and the Java records/enums describe the same fields and values, at every nesting level. */
class SchemaMatchesRecordsTest {

    private static final String COMMON_PREFIX = "../common/definitions.schema.json#/$defs/";
    private static final JsonNode COMMON = EventJson.readTree(Resources.read("schemas/common/definitions.schema.json"));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesAreTheRecordComponents(EventType type) {
        JsonNode schema = EventJson.readTree(Resources.read(type.schemaPath()));
        if (type.payloadType() == OrderLifecycleEvent.class) {
            assertEquals("order-lifecycle-event.schema.json", schema.path("$ref").asText(), type + " should extend the envelope");
            assertEquals(type.name(), schema.at("/properties/eventType/const").asText(), type + " should pin eventType");
            schema = EventJson.readTree(Resources.read(OrderLifecycleEvent.ENVELOPE_SCHEMA));
        }
        compare(type.payloadType(), schema, type.payloadType().getSimpleName());
    }

    static Stream<Arguments> enumsAndTheirDefinitions() {
        Map<String, Class<? extends Enum<?>>> defs = Map.ofEntries(
                Map.entry("orderStatus", OrderStatus.class),
                Map.entry("contactReason", ContactReason.class),
                Map.entry("notificationChannel", NotificationChannel.class),
                Map.entry("returnReason", ReturnReason.class),
                Map.entry("salesChannel", SalesChannel.class),
                Map.entry("orderLifecycleEventType", OrderLifecycleEventType.class),
                Map.entry("cancellationReason", CancellationReason.class),
                Map.entry("delayCause", DelayCause.class),
                Map.entry("returnResolution", ReturnResolution.class),
                Map.entry("returnOutcome", ReturnOutcome.class),
                Map.entry("decider", Decider.class),
                Map.entry("itemCondition", ItemCondition.class),
                Map.entry("contactChannel", ContactChannel.class),
                Map.entry("ticketPriority", TicketPriority.class),
                Map.entry("reasonSource", ReasonSource.class),
                Map.entry("ticketOrigin", TicketOrigin.class),
                Map.entry("slaTarget", SlaTarget.class),
                Map.entry("reopenTrigger", ReopenTrigger.class),
                Map.entry("messageKind", MessageKind.class),
                Map.entry("suppressionReason", SuppressionReason.class),
                Map.entry("surveyKind", SurveyKind.class),
                Map.entry("surveyTrigger", SurveyTrigger.class));
        return defs.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest
    @MethodSource("enumsAndTheirDefinitions")
    void schemaEnumListsTheJavaEnumConstantsInOrder(String definition, Class<? extends Enum<?>> enumType) {
        JsonNode values = COMMON.at("/$defs/" + definition + "/enum");
        List<String> inSchema = values.isArray()
                ? java.util.stream.StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList()
                : List.of();
        List<String> inJava = Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
        assertEquals(inJava, inSchema, () -> "$defs/" + definition + " vs " + enumType.getSimpleName());
    }

    @Test
    void everyEnumDefinitionInTheSchemasIsMappedToAJavaEnum() {
        Set<String> mapped = enumsAndTheirDefinitions().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> enumDefs = new TreeSet<>();
        COMMON.get("$defs").fields().forEachRemaining(e -> {
            if (e.getValue().has("enum")) {
                enumDefs.add(e.getKey());
            }
        });
        assertEquals(new TreeSet<>(mapped), enumDefs);
    }

    private static void compare(Class<?> recordType, JsonNode schema, String where) {
        JsonNode properties = schema.get("properties");
        assertNotNull(properties, where + ": schema has no properties");
        Set<String> inSchema = new TreeSet<>();
        properties.fieldNames().forEachRemaining(inSchema::add);
        Set<String> inRecord = Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(inRecord, inSchema, where + ": record components vs schema properties");
        assertEquals(true, schema.path("additionalProperties").asBoolean(false),
                where + ": consumers tolerate unknown fields, so additionalProperties must be true");

        for (RecordComponent component : recordType.getRecordComponents()) {
            String path = where + "." + component.getName();
            JsonNode property = resolve(properties.get(component.getName()));
            Class<?> type = component.getType();
            if (type.isRecord()) {
                compare(type, property, path);
            } else if (List.class.isAssignableFrom(type)) {
                assertEquals("array", property.path("type").asText(), path + " should be an array");
                Class<?> element = elementType(component.getGenericType());
                if (element.isRecord()) {
                    compare(element, resolve(property.get("items")), path + "[]");
                }
            } else if (type.isEnum()) {
                assertNotNull(property.get("enum"), path + " is a Java enum, so the schema should list its values");
            }
        }
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith(COMMON_PREFIX)) {
            return COMMON.get("$defs").get(ref.substring(COMMON_PREFIX.length()));
        }
        return node;
    }

    private static Class<?> elementType(Type generic) {
        Type argument = ((ParameterizedType) generic).getActualTypeArguments()[0];
        return (Class<?>) argument;
    }
}
