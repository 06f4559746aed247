package io.postventa.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Refuses the NUL character (U+0000) in request input with a 400 naming the field: PostgreSQL cannot store it in a
 * text column and fails the whole statement, so without this a NUL in any JSON string, query or path parameter
 * that reaches the database answered 500 (the API fuzzing found it in returns, tickets, searches and templates).
 */
@Singleton
public class NulRejection implements ObjectMapperCustomizer {
    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("postventa-no-nul").addDeserializer(String.class, new NoNulStrings()));
    }

    /** Query and path parameters, before the resource method runs. */
    @ServerRequestFilter
    public Optional<Response> rejectNulParameters(UriInfo uri) {
        for (Map<String, List<String>> parameters : List.of(uri.getQueryParameters(true), uri.getPathParameters(true))) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                if (parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                    Problem problem = new Problem("https://postventa.io/problems/400", "Invalid request", 400,
                            parameter.getKey() + ": " + MESSAGE, "/" + uri.getPath().replaceFirst("^/", ""),
                            List.of(new Problem.FieldError(parameter.getKey(), MESSAGE)));
                    return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
                }
            }
        }
        return Optional.empty();
    }

    /** Jackson's own string reading, then a refusal that carries the JSON path (ProblemMappers names the field). */
    static final class NoNulStrings extends StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
