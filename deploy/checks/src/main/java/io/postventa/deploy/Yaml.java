package io.postventa.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML files (one or more documents each) as Jackson trees; a duplicate key is an error. */
public final class Yaml {

    public static final ObjectMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private Yaml() {
    }

    /** Every non-empty document of {@code file}. */
    public static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(file.toFile())) {
            return collect(it);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every non-empty document of {@code text}. */
    public static List<JsonNode> documents(String text) {
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            return collect(it);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse YAML: " + e.getMessage(), e);
        }
    }

    private static List<JsonNode> collect(MappingIterator<JsonNode> it) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        while (it.hasNextValue()) {
            JsonNode doc = it.nextValue();
            if (doc != null && !doc.isNull() && !doc.isMissingNode() && !(doc.isObject() && doc.isEmpty())) {
                docs.add(doc);
            }
        }
        return docs;
    }
}
