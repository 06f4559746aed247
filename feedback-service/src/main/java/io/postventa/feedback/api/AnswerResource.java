package io.postventa.feedback.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.feedback.service.StoredAnswers;
import io.postventa.feedback.service.StoredAnswers.StoredAnswer;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A stored answer with its comment: the agent working a detractor's follow-up ticket reads it here (events carry
 * only whether there is a comment). A customer sees only their own answers; others' answer 404.
 */
@Path("/api/v1/answers/{surveyId}")
@Produces(MediaType.APPLICATION_JSON)
public class AnswerResource {
    private final StoredAnswers answers;
    private final Caller caller;

    public AnswerResource(StoredAnswers answers, Caller caller) {
        this.answers = answers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Caller.CUSTOMER, Caller.AGENT, Caller.MANAGER, Caller.ADMIN })
    @Operation(summary = "One answer with its comment and context")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public StoredAnswer get(@PathParam("surveyId") String surveyId) {
        if (surveyId.length() > 200) {
            throw ProblemException.badField("surveyId", "must be at most 200 characters");
        }
        StoredAnswer answer = answers.find(surveyId).orElseThrow(() -> ProblemException.notFound("answer", surveyId));
        caller.requireCustomerOrStaff(answer.customerId(), "answer", surveyId);
        return answer;
    }
}
