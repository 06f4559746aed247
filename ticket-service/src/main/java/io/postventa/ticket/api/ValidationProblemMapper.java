package io.postventa.ticket.api;

import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.postventa.web.Problem;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Renders request validation failures as problem+json naming each field. Works around platform/web: Quarkus maps
 * {@link ResteasyReactiveViolationException} with its own, more specific mapper before the platform's
 * ConstraintViolationException mapper is considered, so without this a bad field answered plain JSON.
 */
public class ValidationProblemMapper {

    @ServerExceptionMapper(priority = 1)
    public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("https://postventa.io/problems/400",
                "Invalid request", 400, errors.size() + " invalid field(s)", path, errors)).build();
    }

    /**
     * An unknown enum value or a wrong JSON type, named by its JSON path. quarkus-rest-jackson's own
     * MismatchedInputException mapper is more specific than platform/web's JsonProcessingException mapper.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String name = field.length() == 0 ? "body" : field.toString();
        String message = e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                ? "'" + f.getValue() + "' is not one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants())
                : "has the wrong type or shape";
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("https://postventa.io/problems/400",
                "Invalid request", 400, name + " " + message, path, List.of(new Problem.FieldError(name, message))))
                .build();
    }

    private static String field(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> {
                    parts.clear();
                    if (!"request".equals(node.getName())) {
                        parts.add(node.getName()); // a path or query parameter: its own name
                    }
                }
                default -> parts.add(node.getIndex() != null && !parts.isEmpty()
                        ? "[" + node.getIndex() + "]." + node.getName() : node.getName());
            }
        }
        String joined = String.join(".", parts).replace(".[", "[");
        return joined.isEmpty() ? "body" : joined;
    }
}
