package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CrdSchemaTest {

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            spec:
              group: example.com
              names:
                kind: Gadget
              versions:
                - name: v1
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            size:
                              type: integer
                            extra:
                              type: object
                              x-kubernetes-preserve-unknown-fields: true
                              properties:
                                known:
                                  type: string
            """;

    @Test
    void objectsWithPropertiesRejectUnknownFieldsUnlessTheCrdPreservesThem() {
        JsonNode schema = CrdSchema.fromCrd(Yaml.documents(CRD).get(0), "v1");
        assertEquals(false, schema.path("properties").path("spec").path("additionalProperties").asBoolean(true),
                "spec lists its properties, so unknown ones are errors");
        assertEquals(true, schema.path("properties").path("spec").path("properties").path("extra")
                .path("additionalProperties").isMissingNode(), "a preserve-unknown-fields object stays open");
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
    }
}
