package io.postventa.feedback.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.feedback.domain.Granularity;
import io.postventa.feedback.domain.Pareto;
import io.postventa.feedback.domain.SplitDimension;
import io.postventa.feedback.service.SplitQueries;
import io.postventa.feedback.service.VariantQueries;
import io.postventa.feedback.service.VariantQueries.Comparison;
import io.postventa.feedback.service.VariantQueries.TemplateResult;
import io.postventa.feedback.service.VariantQueries.VariantReport;
import io.postventa.feedback.service.VariantQueries.VariantRow;
import io.postventa.feedback.service.SplitQueries.SplitFigures;
import io.postventa.feedback.service.SplitQueries.SplitReport;
import io.postventa.feedback.service.SplitQueries.SplitRow;
import io.postventa.feedback.service.KpiQueries;
import io.postventa.feedback.service.KpiQueries.ContactReasonReport;
import io.postventa.feedback.service.KpiQueries.DriverReport;
import io.postventa.feedback.service.KpiQueries.Figures;
import io.postventa.feedback.service.KpiQueries.KpiReport;
import io.postventa.feedback.service.KpiQueries.Period;
import io.postventa.feedback.service.KpiQueries.Range;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The KPI reports for managers (and admins), as JSON or CSV ({@code ?format=csv} or {@code Accept: text/csv}). */
@Path("/api/v1/kpis")
@RolesAllowed({ Caller.MANAGER, Caller.ADMIN })
@Produces({ MediaType.APPLICATION_JSON, "text/csv" })
public class KpiResource {
    private final KpiQueries queries;
    private final SplitQueries splits;
    private final Caller caller;
    private final VariantQueries variants;

    public KpiResource(KpiQueries queries, SplitQueries splits, Caller caller, VariantQueries variants) {
        this.variants = variants;
        this.queries = queries;
        this.splits = splits;
        this.caller = caller;
    }

    @GET
    @Path("/variants")
    @Operation(summary = "A/B results per template variant (messages sent, contacts about the same order within 7 days, "
            + "CSAT of those customers, portal link visits and unsubscribes) with the difference between variants and its 95% "
            + "interval; a winner (by the contact rate) only when significant, and where to retire the others")
    @APIResponse(responseCode = "200", description = "one entry per template (JSON, or CSV with one line per variant)")
    @APIResponse(responseCode = "400", description = "bad from, to or format (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a manager or admin")
    public Response variants(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Range range = queries.range(from, to);
        boolean csv = Csv.wanted(format, headers);
        VariantReport report = variants.variants(range);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TemplateResult t : report.templates()) {
            for (VariantRow v : t.variants()) {
                Comparison c = comparison(t, v, VariantQueries.CONTACT_RATE);
                Comparison p = comparison(t, v, VariantQueries.PORTAL_VISIT_RATE);
                Comparison u = comparison(t, v, VariantQueries.UNSUBSCRIBE_RATE);
                rows.add(java.util.Arrays.asList(t.templateId(), v.variant(), v.sent(), v.aboutAnOrder(), v.contactedWithin7Days(),
                        v.contactRate(), v.csatAnswers(), v.csatAverage(), v.csatSatisfiedRate(), c == null ? null : c.against(),
                        c == null ? null : c.difference(), c == null ? null : c.lower(), c == null ? null : c.upper(),
                        c == null ? null : c.significant(), v.variant().equals(t.winner()),
                        v.portalVisits(), v.portalVisitRate(), p == null ? null : p.against(), p == null ? null : p.difference(),
                        p == null ? null : p.lower(), p == null ? null : p.upper(), p == null ? null : p.significant(),
                        v.unsubscribes(), v.unsubscribeRate(), u == null ? null : u.against(), u == null ? null : u.difference(),
                        u == null ? null : u.lower(), u == null ? null : u.upper(), u == null ? null : u.significant()));
            }
        }
        // the link columns come last, so that readers of the earlier columns by position go on working
        return Csv.response("variants.csv", List.of("template", "variant", "sent", "aboutAnOrder", "contactedWithin7Days",
                "contactRate", "csatAnswers", "csatAverage", "csatSatisfiedRate", "comparedWith", "contactRateDifference",
                "lower95", "upper95", "significant", "winner", "portalVisits", "portalVisitRate", "portalVisitComparedWith",
                "portalVisitRateDifference", "portalVisitLower95", "portalVisitUpper95", "portalVisitSignificant",
                "unsubscribes", "unsubscribeRate", "unsubscribeComparedWith", "unsubscribeRateDifference", "unsubscribeLower95",
                "unsubscribeUpper95", "unsubscribeSignificant"), rows);
    }

    private static Comparison comparison(TemplateResult t, VariantRow v, String metric) {
        return t.comparisons().stream().filter(x -> x.variant().equals(v.variant()) && x.metric().equals(metric)).findFirst()
                .orElse(null);
    }

    @GET
    @Path("/splits")
    @RolesAllowed({ Caller.MANAGER, Caller.ADMIN, Caller.PARTNER_AGENT })
    @Operation(summary = "Ticket KPIs by channel, team (in-house or partner) or agent over a range; a partner's staff see "
            + "only their own team")
    @APIResponse(responseCode = "200", description = "one row per channel, team or agent, most tickets first (JSON or CSV)")
    @APIResponse(responseCode = "400", description = "bad from, to, by or format (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a partner's staff asking for anything but their own team")
    public Response splits(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        SplitDimension dimension = by == null || by.isBlank() ? null : SplitDimension.parse(by);
        if (dimension == null) {
            throw ProblemException.badField("by", "must be one of channel, team, agent");
        }
        Range range = queries.range(from, to);
        boolean csv = Csv.wanted(format, headers);
        String only = null;
        if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
            // a partner contact centre sees its own team's figures, nothing else (DESIGN.md, roles)
            if (dimension != SplitDimension.TEAM || caller.team().isEmpty()) {
                throw ProblemException.forbidden("a partner's staff may see only their own team's figures (by=team)");
            }
            only = caller.team().get();
        }
        SplitReport report = splits.splits(range, dimension, only);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SplitRow r : report.rows()) {
            SplitFigures f = r.figures();
            rows.add(java.util.Arrays.asList(r.value(), r.partner(), r.partnerName(), f.contacts(), f.contactsPerOrder(),
                    f.ticketsCreated(), f.firstResponse().responses(), f.firstResponse().meanSeconds(),
                    f.firstResponse().withinSlaRate(), f.firstResponse().within24hRate(), f.firstResponse().automatic(),
                    f.firstResponse().automaticShare(), f.resolution().solved(), f.resolution().meanSeconds(), f.resolutionRate(),
                    f.slaCompliance(), f.slaBreaches(), f.reopenRate(), f.csat().answers(), f.csat().score(),
                    f.csat().averageScore()));
        }
        return Csv.response("kpis-by-" + dimension.param() + ".csv", List.of(dimension.param(), "partner", "partnerName",
                "contacts", "contactsPerOrder", "ticketsCreated", "firstResponses", "firstResponseMeanSeconds",
                "firstResponseWithinSlaRate", "firstResponseWithin24hRate", "automaticFirstResponses", "automaticShare",
                "ticketsSolved", "resolutionMeanSeconds", "resolutionRate", "slaCompliance", "slaBreaches", "reopenRate",
                "csatAnswers", "csat", "csatAverage"), rows);
    }

    @GET
    @Operation(summary = "KPIs over a range of local days, in a series by day, week or month, with totals")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Response kpis(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @QueryParam("format") String format, @Context HttpHeaders headers) {
        Granularity g = KpiQueries.granularity(granularity);
        Range range = queries.range(from, to);
        boolean csv = Csv.wanted(format, headers);
        KpiReport report = queries.kpis(range, g);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Period p : report.series()) {
            rows.add(row(p.start().toString(), p.figures()));
        }
        rows.add(row("total", report.totals()));
        return Csv.response("kpis.csv", List.of("period", "orders", "contacts", "contactsPerOrder", "ticketsCreated",
                "firstResponses", "firstResponseMeanSeconds", "firstResponseP90Seconds", "ticketsSolved", "resolutionMeanSeconds",
                "resolutionRate", "slaCompliance", "slaBreaches", "reopenRate", "defectiveOrders", "orderDefectRate",
                "returnsRequested", "returnRate", "autoApprovalRate", "notifications", "notificationsPerOrder", "npsAnswers", "nps",
                "csatAnswers", "csat", "csatAverage", "detractors", "recoveredDetractors", "recoveredCustomerRate",
                "automaticFirstResponses", "automaticShare"), rows);
    }

    private static List<Object> row(String period, Figures f) {
        List<Object> r = new ArrayList<>();
        r.add(period);
        r.add(f.orders());
        r.add(f.contacts());
        r.add(f.contactsPerOrder());
        r.add(f.ticketsCreated());
        r.add(f.firstResponse().responses());
        r.add(f.firstResponse().meanSeconds());
        r.add(f.firstResponse().p90Seconds());
        r.add(f.resolution().solved());
        r.add(f.resolution().meanSeconds());
        r.add(f.resolutionRate());
        r.add(f.slaCompliance());
        r.add(f.slaBreaches());
        r.add(f.reopenRate());
        r.add(f.defectiveOrders());
        r.add(f.orderDefectRate());
        r.add(f.returnsRequested());
        r.add(f.returnRate());
        r.add(f.autoApprovalRate());
        r.add(f.notifications());
        r.add(f.notificationsPerOrder());
        r.add(f.nps().answers());
        r.add(f.nps().score());
        r.add(f.csat().answers());
        r.add(f.csat().score());
        r.add(f.csat().averageScore());
        r.add(f.detractors());
        r.add(f.recoveredDetractors());
        r.add(f.recoveredCustomerRate());
        r.add(f.firstResponse().automatic());
        r.add(f.firstResponse().automaticShare());
        return r;
    }

    @GET
    @Path("/contact-reasons")
    @Operation(summary = "Pareto of contact reasons (the reasons within the first 80% marked) and the skus most contacted about")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Response contactReasons(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("skus") Integer skus, @QueryParam("format") String format, @Context HttpHeaders headers) {
        Range range = queries.range(from, to);
        if (skus != null && (skus < 0 || skus > 500)) {
            throw ProblemException.badField("skus", "must be between 0 and 500");
        }
        boolean csv = Csv.wanted(format, headers);
        ContactReasonReport report = queries.contactReasons(range, skus == null ? 20 : skus);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Pareto.Row r : report.reasons()) {
            rows.add(List.of("reason", "", r.reason(), r.contacts(), r.share(), r.cumulativeShare(), r.vitalFew()));
        }
        for (KpiQueries.SkuContacts s : report.bySku()) {
            for (KpiQueries.ReasonCount r : s.reasons()) {
                rows.add(List.of("sku", s.sku(), r.reason(), r.contacts(), "", "", ""));
            }
        }
        return Csv.response("contact-reasons.csv",
                List.of("scope", "sku", "reason", "contacts", "share", "cumulativeShare", "within80"), rows);
    }

    @GET
    @Path("/drivers")
    @Operation(summary = "NPS and CSAT by carrier, delay, return reason and ticket reason")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Response drivers(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Range range = queries.range(from, to);
        boolean csv = Csv.wanted(format, headers);
        DriverReport report = queries.drivers(range);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (KpiQueries.DriverRow d : report.drivers()) {
            List<Object> r = new ArrayList<>(List.of(d.kind(), d.dimension(), d.value(), d.answers()));
            r.add(d.score());
            r.add(d.averageScore());
            r.addAll(List.of(d.promoters(), d.detractors(), d.satisfied()));
            rows.add(r);
        }
        return Csv.response("drivers.csv", List.of("kind", "dimension", "value", "answers", "score", "averageScore", "promoters",
                "detractors", "satisfied"), rows);
    }
}
