package io.postventa.portal.pages;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.portal.clients.SurveyClient;
import io.postventa.portal.web.Calls;
import io.postventa.portal.web.Pages;
import io.postventa.portal.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The survey a message invites to ({@code feedback.surveys.link-base} points here): its question from
 * feedback-service, the score as large buttons (NPS 0-10, CSAT 1-5), an optional comment, then a thank-you. The
 * invitation's token is the credential, as in the message; no session needed.
 */
@Path("/survey/{token}")
@Produces(MediaType.TEXT_HTML)
public class SurveyPage {
    private final SurveyClient surveys;
    private final Calls calls;
    private final Pages pages;
    private final Template page;
    private final Template done;
    private final io.postventa.portal.web.Lang lang;
    private final io.vertx.core.http.HttpServerResponse response;

    public SurveyPage(@RestClient SurveyClient surveys, Calls calls, Pages pages, @Location("survey.html") Template page,
            @Location("survey-done.html") Template done, io.postventa.portal.web.Lang lang,
            io.vertx.core.http.HttpServerResponse response) {
        this.lang = lang;
        this.response = response;
        this.surveys = surveys;
        this.calls = calls;
        this.pages = pages;
        this.page = page;
        this.done = done;
    }

    @GET
    public Response show(@PathParam("token") String token) {
        return render(token, Map.of(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, @FormParam("score") String score,
            @FormParam("comment") String comment, @FormParam("lowScoreReason") String lowScoreReason) {
        Map<String, String> typed = new HashMap<>();
        typed.put("score", score == null ? "" : score);
        typed.put("comment", comment == null ? "" : comment);
        typed.put("lowScoreReason", lowScoreReason == null ? "" : lowScoreReason);
        Map<String, Object> body = new HashMap<>();
        try {
            body.put("score", score == null || score.isBlank() ? null : Integer.parseInt(score.trim()));
        } catch (NumberFormatException e) {
            body.put("score", null);
        }
        body.put("comment", comment == null || comment.isBlank() ? null : comment);
        body.put("lowScoreReason", lowScoreReason == null || lowScoreReason.isBlank() ? null : lowScoreReason);
        Part<Object> answered = calls.call("feedback-service", () -> surveys.answer(token, pages.lang(), body));
        if (answered.isOk()) {
            return Response.ok(pages.page(done, "survey")).build();
        }
        return render(token, typed, answered.fieldErrors(), answered);
    }

    private Response render(String token, Map<String, String> typed, Map<String, String> errors, Part<Object> failure) {
        Part<Object> survey = calls.call("feedback-service", () -> surveys.survey(token, pages.lang()));
        if (survey.isOk() && survey.value() instanceof Map<?, ?> s && s.get("locale") != null) {
            // the page speaks the survey's language (the customer's) unless they chose another
            io.vertx.core.http.Cookie adopted = lang.adopt(String.valueOf(s.get("locale")));
            if (adopted != null) {
                response.addCookie(adopted);
            }
        }
        int status = !survey.isOk() ? (survey.isUnavailable() ? 503 : survey.status())
                : failure == null ? 200 : failure.isUnavailable() ? 503 : failure.status() == 410 ? 410 : 400;
        Map<String, String> shown = new LinkedHashMap<>(errors);
        java.util.List<Integer> scores = new java.util.ArrayList<>();
        if (survey.isOk() && survey.value() instanceof Map<?, ?> s && s.get("minScore") instanceof Number min
                && s.get("maxScore") instanceof Number max) {
            for (int i = min.intValue(); i <= max.intValue(); i++) {
                scores.add(i);
            }
        }
        return Response.status(status).entity(pages.page(page, "survey").data("survey", survey).data("token", token)
                .data("scores", scores)
                .data("typed", typed).data("errors", shown).data("failure", failure)).build();
    }
}
