package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset deploy/ uses:
 * {@code resources} (files and directories), {@code namespace}, {@code images}, {@code patches}
 * with a target selector and an inline JSON 6902 patch (add, replace, remove), and {@code configMapGenerator}
 * from files with {@code options.disableNameSuffixHash: true} and labels. Any other field is refused,
 * so a kustomization that outgrows this renderer fails loudly instead of being validated wrongly.
 * Kubernetes clusters and CI machines need no kustomize binary for the checks.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches",
            "configMapGenerator");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "PersistentVolume", "StorageClass", "PriorityClass");

    private Kustomize() {
    }

    /** The resources of the kustomization in {@code dir}, transformed, in resource order. */
    public static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no kustomization.yaml");
        }
        JsonNode k = Yaml.documents(file).get(0);
        for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": field '" + field + "' is not supported by the checks' renderer"
                        + " (supported: " + SUPPORTED + "); extend io.postventa.deploy.Kustomize first");
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                for (JsonNode doc : Yaml.documents(path)) {
                    if (!doc.isObject()) {
                        throw new IllegalArgumentException(path + ": a document is not a mapping");
                    }
                    resources.add((ObjectNode) doc);
                }
            }
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            resources.add(generateConfigMap(dir, file, generator));
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(file, patch, resources);
        }
        for (JsonNode image : k.path("images")) {
            applyImage(image, resources);
        }
        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    /** A ConfigMap whose keys are file names and values the files' text; without the name hash only. */
    private static ObjectNode generateConfigMap(Path dir, Path file, JsonNode generator) {
        for (Iterator<String> it = generator.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("name", "files", "options").contains(field)) {
                throw new IllegalArgumentException(file + ": configMapGenerator field '" + field + "' is not supported");
            }
        }
        JsonNode options = generator.path("options");
        for (Iterator<String> it = options.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("disableNameSuffixHash", "labels", "annotations").contains(field)) {
                throw new IllegalArgumentException(file + ": configMapGenerator option '" + field + "' is not supported");
            }
        }
        if (!options.path("disableNameSuffixHash").asBoolean(false)) {
            throw new IllegalArgumentException(file + ": a configMapGenerator needs options.disableNameSuffixHash: true"
                    + " (the renderer does not compute kustomize's name hash)");
        }
        ObjectNode map = Yaml.MAPPER.createObjectNode();
        map.put("apiVersion", "v1");
        map.put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata");
        metadata.put("name", generator.path("name").asText());
        if (options.has("labels")) {
            metadata.set("labels", options.get("labels").deepCopy());
        }
        if (options.has("annotations")) {
            metadata.set("annotations", options.get("annotations").deepCopy());
        }
        ObjectNode data = map.putObject("data");
        for (JsonNode entry : generator.path("files")) {
            String spec = entry.asText();
            String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString();
            Path source = dir.resolve(spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec).normalize();
            try {
                data.put(key, Files.readString(source));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(file + ": cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        return map;
    }

    private static ObjectNode metadata(ObjectNode resource) {
        JsonNode metadata = resource.get("metadata");
        return metadata instanceof ObjectNode object ? object : resource.putObject("metadata");
    }

    private static void applyPatch(Path file, JsonNode patch, List<ObjectNode> resources) {
        if (!patch.has("target") || !patch.has("patch") || patch.has("path")) {
            throw new IllegalArgumentException(file + ": only patches with a target and an inline JSON 6902 patch are supported");
        }
        JsonNode target = patch.get("target");
        JsonNode ops;
        try {
            ops = Yaml.MAPPER.readTree(patch.get("patch").asText());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(file + ": a patch is not YAML: " + e.getMessage(), e);
        }
        if (ops == null || !ops.isArray()) {
            throw new IllegalArgumentException(file + ": a patch must be a list of JSON 6902 operations");
        }
        int matched = 0;
        for (ObjectNode resource : resources) {
            if (matches(target, resource)) {
                matched++;
                for (JsonNode op : ops) {
                    JsonPatch.apply(resource, op);
                }
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(file + ": patch target " + target + " matches no resource");
        }
    }

    private static boolean matches(JsonNode target, ObjectNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            String wanted = target.get(field).asText();
            String actual = switch (field) {
                case "kind" -> resource.path("kind").asText();
                case "name" -> resource.path("metadata").path("name").asText();
                case "group" -> group;
                case "version" -> version;
                default -> throw new IllegalArgumentException("patch target field '" + field + "' is not supported");
            };
            // kustomize matches target fields as anchored regular expressions.
            if (!Pattern.matches(wanted, actual)) {
                return false;
            }
        }
        return true;
    }

    private static void applyImage(JsonNode image, List<ObjectNode> resources) {
        String name = image.path("name").asText();
        for (ObjectNode resource : resources) {
            replaceImages(resource, name, image);
        }
    }

    private static void replaceImages(JsonNode node, String name, JsonNode image) {
        if (node.isObject()) {
            for (Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        if (container.isObject() && container.has("image")) {
                            String current = container.get("image").asText();
                            String currentName = imageName(current);
                            if (currentName.equals(name)) {
                                String newName = image.path("newName").asText(currentName);
                                String tag = image.has("newTag") ? ":" + image.get("newTag").asText()
                                        : current.substring(currentName.length());
                                ((ObjectNode) container).put("image", newName + tag);
                            }
                        }
                    }
                }
                replaceImages(field.getValue(), name, image);
            }
        } else if (node.isArray()) {
            for (JsonNode child : (ArrayNode) node) {
                replaceImages(child, name, image);
            }
        }
    }

    static String imageName(String image) {
        int digest = image.indexOf('@');
        String withoutDigest = digest >= 0 ? image.substring(0, digest) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
