package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** Validates a Compose file against the committed Compose Specification schema (deploy/checks/schemas/compose). */
public final class ComposeValidator {

    private final JsonSchemas schemas;

    public ComposeValidator(Path root) {
        this.schemas = new JsonSchemas(root);
    }

    /** The violations of {@code compose}; empty if it is valid. */
    public List<String> validate(JsonNode compose) {
        return schemas.validate(JsonSchemas.COMPOSE, compose);
    }
}
