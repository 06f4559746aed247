package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a CustomResourceDefinition's openAPIV3Schema into a strict JSON Schema for deploy/checks/schemas: every
 * object that lists its properties and does not preserve unknown fields gets {@code additionalProperties: false},
 * so a field the API server would prune (and so silently ignore) fails validation instead.
 * Usage: {@code CrdSchema <crd.yaml> <version> <out.json>} (deploy/checks/schemas/refresh.sh).
 */
public final class CrdSchema {

    private CrdSchema() {
    }

    public static ObjectNode fromCrd(JsonNode crd, String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                ObjectNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                strict(schema);
                ObjectNode out = JsonMapper.builder().build().createObjectNode();
                out.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                out.put("title", crd.path("spec").path("names").path("kind").asText() + " ("
                        + crd.path("spec").path("group").asText() + "/" + version + "), from its CRD");
                out.setAll(schema);
                return out;
            }
        }
        throw new IllegalArgumentException("the CRD has no version " + version);
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.forEach(CrdSchema::strict);
        } else if (node.isArray()) {
            node.forEach(CrdSchema::strict);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CrdSchema <crd.yaml> <version> <out.json>");
        }
        JsonNode crd = Yaml.documents(Path.of(args[0])).get(0);
        Files.writeString(Path.of(args[2]), JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(fromCrd(crd, args[1])) + "\n");
    }
}
