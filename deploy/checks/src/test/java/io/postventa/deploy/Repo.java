package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The repository the tests check, and helpers over rendered resources. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("postventa.root", "../..")).toAbsolutePath().normalize();
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("order-status-service", "returns-service", "ticket-service",
            "notification-service", "feedback-service");

    private Repo() {
    }

    private static final java.util.Map<String, List<ObjectNode>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The overlay's resources, rendered once per test run; each caller gets its own copy to change. */
    static List<ObjectNode> render(String overlay) {
        List<ObjectNode> rendered = RENDERED.computeIfAbsent(overlay,
                o -> Kustomize.build(ROOT.resolve("deploy/kubernetes/overlays").resolve(o)));
        List<ObjectNode> copy = new ArrayList<>();
        rendered.forEach(r -> copy.add(r.deepCopy()));
        return copy;
    }

    static List<JsonNode> ofKind(List<? extends JsonNode> resources, String kind) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (kind.equals(resource.path("kind").asText())) {
                matching.add(resource);
            }
        }
        return matching;
    }

    static JsonNode named(List<? extends JsonNode> resources, String kind, String name) {
        for (JsonNode resource : ofKind(resources, kind)) {
            if (name.equals(resource.path("metadata").path("name").asText())) {
                return resource;
            }
        }
        return null;
    }

    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
