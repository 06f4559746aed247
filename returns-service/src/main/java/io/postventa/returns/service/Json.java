package io.postventa.returns.service;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;

import io.postventa.events.EventJson;

/** JSON of the values kept in text columns (contract records, rule sets, policies). */
final class Json {
    private static final ObjectMapper MAPPER = EventJson.newObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
        }
    }

    static <T> List<T> readList(String json, Class<T> type) {
        CollectionType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return MAPPER.readValue(json, listType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored list of " + type.getSimpleName(), e);
        }
    }
}
