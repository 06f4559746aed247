package io.postventa.returns.api;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.postventa.web.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Quarkus REST ships a mapper for {@link MismatchedInputException} (an unknown enum value, a wrong
 * type), which is more specific than platform/web's JsonProcessingException mapper and so wins,
 * answering without the field. This sends it back to the platform's problem+json naming the field.
 */
public class JsonInputProblems {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
