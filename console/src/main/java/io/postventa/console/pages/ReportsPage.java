package io.postventa.console.pages;

import java.time.LocalDate;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.console.clients.FeedbackClient;
import io.postventa.console.web.Calls;
import io.postventa.console.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The managers' figures as feedback-service provides them, and the way to its dashboard. */
@Path("/reports")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReportsPage {
    private final FeedbackClient feedback;
    private final Calls calls;
    private final Pages pages;
    private final Template page;

    public ReportsPage(@RestClient FeedbackClient feedback, Calls calls, Pages pages, @Location("reports.html") Template page) {
        this.feedback = feedback;
        this.calls = calls;
        this.pages = pages;
        this.page = page;
    }

    @GET
    public TemplateInstance reports() {
        String to = LocalDate.now().toString();
        String from = LocalDate.now().minusDays(29).toString();
        return pages.page(page, "reports").data("from", from).data("to", to)
                .data("kpis", calls.call("feedback-service", () -> feedback.kpis(from, to)))
                .data("reasons", calls.call("feedback-service", () -> feedback.contactReasons(from, to)));
    }
}
