package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.TicketMerged;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketReasonChanged;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An agent's corrections in ticket-service reach the reports: a changed reason moves its contacts, a merge drops a ticket. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class TicketCorrectionsTest extends FeedbackTestSupport {
    private static final String MANAGER = Tokens.bearer(Tokens.manager("manager-corrections"));
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static JsonPath report(String path, LocalDate day) {
        return given().header("Authorization", MANAGER).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCorrectedReasonMovesTheTicketsContactsInTheParetoAndAMergedDuplicateIsNoLongerATicket() {
        // a day of a far-future year that no other test uses
        LocalDate day = LocalDate.of(3000 + ThreadLocalRandom.current().nextInt(900), 5, 12);
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String customer = id("CUST");
        String ticket = id("TCK");
        String duplicate = id("TCK");
        send(EventType.TICKET_CREATED, ticket, ticketCreated(ticket, customer, null, ContactReason.OTHER, at));
        send(EventType.CONTACT_RECEIVED, ticket, contact(ticket, customer, null, ContactReason.OTHER, at));
        send(EventType.CONTACT_RECEIVED, ticket, contact(ticket, customer, null, ContactReason.OTHER, at.plusSeconds(600)));
        send(EventType.TICKET_CREATED, duplicate, ticketCreated(duplicate, customer, null, ContactReason.OTHER, at.plusSeconds(60)));
        send(EventType.CONTACT_RECEIVED, duplicate, contact(duplicate, customer, null, ContactReason.OTHER, at.plusSeconds(60)));
        await().atMost(WAIT).until(() -> report("/api/v1/kpis/contact-reasons", day).getInt("contacts") == 3
                && report("/api/v1/kpis", day).getInt("totals.ticketsCreated") == 2);

        String changed = send(EventType.TICKET_REASON_CHANGED, ticket, new TicketReasonChanged(ticket, at.plusSeconds(900),
                ContactReason.OTHER, ContactReason.DAMAGED_ITEM, TicketPriority.HIGH, "agent-1", customer, null));
        send(EventType.TICKET_MERGED, duplicate, new TicketMerged(duplicate, at.plusSeconds(960), ticket,
                ContactReason.OTHER, "agent-1", customer, null));
        await().atMost(WAIT).until(() -> report("/api/v1/kpis", day).getInt("totals.ticketsCreated") == 1
                && report("/api/v1/kpis/contact-reasons", day).getList("reasons.reason").get(0).equals("DAMAGED_ITEM"));

        given().header("Authorization", MANAGER).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/kpis/contact-reasons").then().statusCode(200)
                .body("contacts", equalTo(3))
                .body("reasons.reason", equalTo(List.of("DAMAGED_ITEM", "OTHER")))
                .body("reasons.contacts", equalTo(List.of(2, 1)));

        // the same correction delivered again moves nothing twice
        redeliver(EventType.TICKET_REASON_CHANGED, ticket, changed, new TicketReasonChanged(ticket, at.plusSeconds(900),
                ContactReason.OTHER, ContactReason.DAMAGED_ITEM, TicketPriority.HIGH, "agent-1", customer, null));
        send(EventType.TICKET_REASON_CHANGED, ticket, new TicketReasonChanged(ticket, at.plusSeconds(900),
                ContactReason.OTHER, ContactReason.DAMAGED_ITEM, TicketPriority.HIGH, "agent-1", customer, null));
        send(EventType.TICKET_MERGED, duplicate, new TicketMerged(duplicate, at.plusSeconds(960), ticket,
                ContactReason.OTHER, "agent-1", customer, null));
        String marker = id("TCK");
        send(EventType.TICKET_CREATED, marker, ticketCreated(marker, customer, null, ContactReason.OTHER, at.plusSeconds(3600)));
        await().atMost(WAIT).until(() -> report("/api/v1/kpis", day).getInt("totals.ticketsCreated") == 2);
        given().header("Authorization", MANAGER).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/kpis/contact-reasons").then().statusCode(200)
                .body("reasons.reason", equalTo(List.of("DAMAGED_ITEM", "OTHER")))
                .body("reasons.contacts", equalTo(List.of(2, 1)));
    }
}
