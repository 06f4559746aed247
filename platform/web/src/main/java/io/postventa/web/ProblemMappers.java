package io.postventa.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.postventa.messaging.retry.Failures;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns every error a service raises into problem+json naming the bad fields. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return response(new Problem(type(e.status()), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    /** Quarkus's own, more specific mapper would answer plain JSON for request validation failures. */
    @ServerExceptionMapper(priority = 1)
    public Response requestViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return response(new Problem(type(400), "Invalid request", 400, errors.size() + " invalid field(s)", path(uri), errors));
    }

    /** quarkus-rest-jackson's own mapper for this type would win over the one below. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m.getPath())
                : e instanceof InputCoercionException c && c.getProcessor() != null
                        ? contextPath(c.getProcessor().getParsingContext()) : "body";
        String message;
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            message = NulRejection.MESSAGE;
        } else if (e instanceof InputCoercionException) {
            message = "is out of range for its type";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "'" + f.getValue() + "' is not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException f) {
            message = "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException) {
            message = "has the wrong type or shape";
        } else {
            message = "is not valid JSON";
        }
        return response(new Problem(type(400), "Invalid request", 400, field + " " + message, path(uri),
                List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return response(new Problem(type(404), "Not found", 404, "no resource at " + path(uri), path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // quarkus-rest-jackson wraps JSON it cannot parse (syntax, bad UTF-8, a number too big) in a bare 400
        if (e.getCause() instanceof JsonProcessingException json && e.getResponse().getStatus() == 400) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        return response(new Problem(type(status), e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage(),
                path(uri), List.of()));
    }

    /**
     * Whatever no other mapper took: a database that cannot be reached is 503 with Retry-After (the request may be
     * sent again once it is back: {@code postventa.http.unavailable-retry-after}, seconds), a collision with another
     * writer that the endpoint did not retry is 409, anything else 500; each as problem+json. A problem or web
     * exception that arrives wrapped (an interceptor's undeclared-throwable, say) keeps its own status.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 200)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (t instanceof WebApplicationException web) {
                return webApplication(web, uri);
            }
        }
        if (Failures.isTransientDatabaseFailure(e)) {
            long retryAfter = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("postventa.http.unavailable-retry-after", Long.class).orElse(5L);
            LOG.warnf("%s answered 503: the database cannot be reached (%s)", path(uri), e.getClass().getSimpleName());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(retryAfter))
                    .entity(new Problem(type(503), "Service unavailable", 503, "the service cannot reach its database for"
                            + " a moment; send the request again in " + retryAfter + " s", path(uri), List.of()))
                    .build();
        }
        if (Failures.isWriteConflict(e)) {
            LOG.infof("%s answered 409: it collided with another change of the same data", path(uri));
            return response(new Problem(type(409), "Conflict", 409,
                    "the same data was changed at the same moment by someone else; read it again and repeat the request",
                    path(uri), List.of()));
        }
        String errorId = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "%s failed, error id %s", path(uri), errorId);
        return response(new Problem(type(500), "Internal server error", 500,
                "the request failed on our side (error id " + errorId + ")", path(uri), List.of()));
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemMappers.class);

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String type(int status) {
        return "https://postventa.io/problems/" + status;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The property path without the method and parameter names Bean Validation puts in front. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> {
                    parts.clear();
                    parameter = node.getName(); // a path or query parameter names itself
                }
                default -> parts.add(node.getIndex() != null && !parts.isEmpty()
                        ? "[" + node.getIndex() + "]." + node.getName() : node.getName());
            }
        }
        String joined = String.join(".", parts).replace(".[", "[");
        if (!joined.isEmpty()) {
            return joined;
        }
        return parameter == null ? "body" : parameter;
    }

    /** Where the parser stood when it failed, as a JSON path ({@code lines[0].quantity}). */
    private static String contextPath(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts).replaceFirst("^\\.", "");
        return path.isEmpty() ? "body" : path;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}
