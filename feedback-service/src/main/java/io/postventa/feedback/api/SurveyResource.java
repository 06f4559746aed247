package io.postventa.feedback.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import io.postventa.feedback.service.SurveyAnswering;
import io.postventa.feedback.service.SurveyAnswering.AnswerView;
import io.postventa.feedback.service.SurveyPage;
import io.postventa.feedback.service.SurveyPage.SurveyView;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The survey answer API. No login: the signed link token is the credential. A forged or unknown token answers 404,
 * an expired or already used one 410 Gone, each as problem+json whose detail speaks the survey's language (or, for
 * an unknown survey, the caller's Accept-Language).
 */
@Path("/api/v1/surveys/{token}")
@PermitAll
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {
    private final SurveyPage page;
    private final SurveyAnswering answering;

    public SurveyResource(SurveyPage page, SurveyAnswering answering) {
        this.page = page;
        this.answering = answering;
    }

    /** The body of an answer. */
    public record AnswerRequest(Integer score, String comment, String lowScoreReason) {
    }

    @GET
    @Operation(summary = "The survey behind a link token: question, scale, low-score reasons")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "The link is not valid")
    @APIResponse(responseCode = "410", description = "The survey was answered, or its link expired")
    public SurveyView get(@PathParam("token") String token, @Context HttpHeaders headers) {
        return page.open(token, headers.getAcceptableLanguages());
    }

    @POST
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the survey (once per link)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "The link is not valid")
    @APIResponse(responseCode = "410", description = "The survey was answered, or its link expired")
    public Response answer(@PathParam("token") String token, AnswerRequest body, @Context HttpHeaders headers) {
        AnswerView view = answering.answer(token, body == null ? new SurveyAnswering.Answer(null, null, null)
                : new SurveyAnswering.Answer(body.score(), body.comment(), body.lowScoreReason()), headers.getAcceptableLanguages());
        return Response.status(201).entity(view).build();
    }
}
