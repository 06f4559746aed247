package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The add, replace and remove operations of JSON Patch (RFC 6902) on a Jackson tree, in place. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, JsonNode op) {
        String kind = op.path("op").asText();
        String path = op.path("path").asText();
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("JSON patch path must start with '/': " + op);
        }
        String[] tokens = path.substring(1).split("/", -1);
        JsonNode parent = document;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = child(parent, unescape(tokens[i]), op);
        }
        String last = unescape(tokens[tokens.length - 1]);
        JsonNode value = op.get("value");
        switch (kind) {
            case "add" -> add(parent, last, value, op);
            case "replace" -> {
                child(parent, last, op);
                set(parent, last, value, op);
            }
            case "remove" -> {
                child(parent, last, op);
                if (parent instanceof ObjectNode object) {
                    object.remove(last);
                } else {
                    ((ArrayNode) parent).remove(Integer.parseInt(last));
                }
            }
            default -> throw new IllegalArgumentException("JSON patch operation '" + kind + "' is not supported: " + op);
        }
    }

    private static JsonNode child(JsonNode parent, String token, JsonNode op) {
        JsonNode child = parent instanceof ArrayNode array && token.matches("\\d+")
                ? array.get(Integer.parseInt(token)) : parent.get(token);
        if (child == null) {
            throw new IllegalArgumentException("JSON patch path does not exist: " + op);
        }
        return child;
    }

    private static void add(JsonNode parent, String token, JsonNode value, JsonNode op) {
        if (parent instanceof ArrayNode array) {
            if (token.equals("-")) {
                array.add(value.deepCopy());
            } else {
                array.insert(Integer.parseInt(token), value.deepCopy());
            }
        } else if (parent instanceof ObjectNode object) {
            object.set(token, value.deepCopy());
        } else {
            throw new IllegalArgumentException("JSON patch parent is not a container: " + op);
        }
    }

    private static void set(JsonNode parent, String token, JsonNode value, JsonNode op) {
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(token), value.deepCopy());
        } else if (parent instanceof ObjectNode object) {
            object.set(token, value.deepCopy());
        } else {
            throw new IllegalArgumentException("JSON patch parent is not a container: " + op);
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
