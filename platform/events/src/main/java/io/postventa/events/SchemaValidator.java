package io.postventa.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.postventa.events.orders.OrderLifecycleEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates event data against the JSON Schemas of the contracts (draft 2020-12, formats asserted) and reports
 * each violation with the JSON path of the field. Loads every schema when constructed; thread-safe afterwards,
 * so create one and share it.
 */
public final class SchemaValidator {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final SchemaRegistry registry;
    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
    private final Schema orderLifecycleEnvelope;

    /** Loads and compiles the schema of every {@link EventType}; fails if one is missing or invalid. */
    public SchemaValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        for (EventType type : EventType.values()) {
            schemas.put(type, load(type.schemaPath()));
        }
        this.orderLifecycleEnvelope = load(OrderLifecycleEvent.ENVELOPE_SCHEMA);
    }

    /** Validates JSON text against the schema of {@code type}; an empty list means valid. */
    public List<SchemaViolation> validate(EventType type, String json) {
        Objects.requireNonNull(type, "type");
        return validate(schemas.get(type), json);
    }

    /** Validates a JSON tree against the schema of {@code type}; an empty list means valid. */
    public List<SchemaViolation> validate(EventType type, JsonNode json) {
        Objects.requireNonNull(type, "type");
        return toViolations(schemas.get(type).validate(json));
    }

    /**
     * Validates an {@code orders.lifecycle.v1} event whose type is not known beforehand (plain JSON without a
     * {@code ce_type} header): checks {@code eventType} and the detail block that type requires.
     */
    public List<SchemaViolation> validateOrderLifecycle(String json) {
        return validate(orderLifecycleEnvelope, json);
    }

    /** Serializes an event and validates it against the schema of {@code type}, as producers' tests do. */
    public List<SchemaViolation> validateEvent(EventType type, Object event) {
        return validate(type, EventJson.toTree(event));
    }

    /**
     * Throws if {@code json} is not valid data of {@code type}.
     *
     * @throws SchemaViolationException listing every violation
     */
    public void requireValid(EventType type, String json) {
        List<SchemaViolation> violations = validate(type, json);
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(type, violations);
        }
    }

    private Schema load(String classpathLocation) {
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + classpathLocation));
        // Resolve every $ref now, so a broken contract fails at start-up rather than on the first message.
        schema.initializeValidators();
        return schema;
    }

    private static List<SchemaViolation> validate(Schema schema, String json) {
        JsonNode tree;
        try {
            tree = EventJson.readTree(json);
        } catch (EventJson.EventJsonException e) {
            return List.of(new SchemaViolation("$", SchemaViolation.NOT_JSON, "$: " + e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            return List.of(new SchemaViolation("$", SchemaViolation.NOT_JSON, "$: empty input, expected a JSON object"));
        }
        return toViolations(schema.validate(tree));
    }

    private static List<SchemaViolation> toViolations(List<Error> errors) {
        if (errors.isEmpty()) {
            return List.of();
        }
        List<SchemaViolation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String path = String.valueOf(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                path = child(path, error.getProperty());
            }
            violations.add(new SchemaViolation(path, error.getKeyword(), path + ": " + error.getMessage()));
        }
        return Collections.unmodifiableList(violations);
    }

    private static String child(String parent, String property) {
        return PLAIN_NAME.matcher(property).matches()
                ? parent + "." + property
                : parent + "['" + property.replace("'", "\\'") + "']";
    }

    /** Thrown by {@link #requireValid} with every violation found. */
    public static final class SchemaViolationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient List<SchemaViolation> violations;

        SchemaViolationException(EventType type, List<SchemaViolation> violations) {
            super(type.ceType() + " breaks its schema: " + violations);
            this.violations = List.copyOf(violations);
        }

        /** The violations, in the order the validator found them. */
        public List<SchemaViolation> violations() {
            return violations;
        }
    }
}
