package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas committed under deploy/checks/schemas (origin and version in deploy/checks/schemas/README.md). */
public final class JsonSchemas {

    /** CloudNativePG's Cluster (postgresql.cnpg.io/v1). */
    public static final String CNPG_CLUSTER = "deploy/checks/schemas/cnpg/cluster-postgresql-v1.json";
    /** The Compose Specification. */
    public static final String COMPOSE = "deploy/checks/schemas/compose/compose-spec.json";

    private final Path root;
    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

    public JsonSchemas(Path root) {
        this.root = root;
    }

    /** The violations of {@code document} against the schema at {@code schemaFile}, with JSON paths. */
    public List<String> validate(String schemaFile, JsonNode document) {
        Schema schema = loaded.computeIfAbsent(schemaFile, this::load);
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            problems.add(error.toString());
        }
        return problems;
    }

    /**
     * The Compose schema declares draft 2019-09 but carries draft-04 style {@code "id": "#/..."} annotations,
     * which 2019-09 does not define (they identify nothing: every one is a JSON pointer to itself); the file
     * is kept as published and the annotations are dropped when it is loaded.
     */
    private static void dropDraft4Ids(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(JsonSchemas::dropDraft4Ids);
        } else if (node.isArray()) {
            node.forEach(JsonSchemas::dropDraft4Ids);
        }
    }

    private Schema load(String schemaFile) {
        try {
            JsonNode schema = Yaml.MAPPER.readTree(Files.readString(root.resolve(schemaFile)));
            dropDraft4Ids(schema);
            SpecificationVersion version = schema.path("$schema").asText().contains("2019-09")
                    ? SpecificationVersion.DRAFT_2019_09
                    : schema.path("$schema").asText().contains("draft-07") ? SpecificationVersion.DRAFT_7
                    : SpecificationVersion.DRAFT_2020_12;
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_PATH)
                    .locale(Locale.ENGLISH)
                    .build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version,
                    builder -> builder.schemaRegistryConfig(config));
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + schemaFile, e);
        }
    }
}
