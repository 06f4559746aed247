package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderStatus;
import io.postventa.ticket.domain.RoundRobin.AgentLoad;
import io.postventa.web.Texts;

class TicketLifecycleTest {

    @Test
    void aCustomerReplyReopensASolvedTicketAndAnswersAPendingOne() {
        assertEquals(TicketStatus.OPEN, TicketStatus.SOLVED.afterCustomerReply());
        assertEquals(TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER.afterCustomerReply());
        assertEquals(TicketStatus.NEW, TicketStatus.NEW.afterCustomerReply());
        assertEquals(TicketStatus.CLOSED, TicketStatus.CLOSED.afterCustomerReply());
    }

    @Test
    void closedIsFinalAndSolvedOnlyReopensOrCloses() {
        for (TicketStatus target : TicketStatus.values()) {
            assertFalse(TicketStatus.CLOSED.canMoveTo(target), "CLOSED must not move to " + target);
        }
        assertTrue(TicketStatus.SOLVED.canMoveTo(TicketStatus.OPEN));
        assertTrue(TicketStatus.SOLVED.canMoveTo(TicketStatus.CLOSED));
        assertFalse(TicketStatus.SOLVED.canMoveTo(TicketStatus.PENDING_CUSTOMER));
        assertFalse(TicketStatus.NEW.canMoveTo(TicketStatus.CLOSED));
    }

    @Test
    void waitingForTheCustomerPausesTheSla() {
        assertTrue(TicketStatus.PENDING_CUSTOMER.pausesSla());
        assertFalse(TicketStatus.ON_HOLD.pausesSla());
        assertFalse(TicketStatus.OPEN.pausesSla());
    }

    @Test
    void roundRobinGoesToTheNextAgentWithRoomAndSkipsTheFullAndTheAway() {
        var agents = List.of(new AgentLoad("a", true, 0), new AgentLoad("b", true, 2), new AgentLoad("c", false, 0),
                new AgentLoad("d", true, 1));
        assertEquals(Optional.of("a"), RoundRobin.next(agents, null, 2));
        assertEquals(Optional.of("d"), RoundRobin.next(agents, "a", 2), "b is at the cap, c is away");
        assertEquals(Optional.of("a"), RoundRobin.next(agents, "d", 2), "wraps around");
        assertEquals(Optional.empty(), RoundRobin.next(List.of(new AgentLoad("a", true, 2)), null, 2));
    }

    @Test
    void cannedRepliesFillPlaceholdersAndRefuseUnknownOnes() {
        assertEquals("Tu pedido 42 va por https://t/1 (RMA -)",
                Placeholders.render("Tu pedido {{orderId}} va por {{ trackingUrl }} (RMA {{rma}})",
                        Map.of("orderId", "42", "trackingUrl", "https://t/1")));
        assertEquals(List.of("iban"), Placeholders.unknown("{{orderId}} {{iban}}"));
    }

    @Test
    void masksContactAndPaymentData() {
        assertEquals("m***@example.com", Masking.email("maria@example.com"));
        assertEquals("*********222", Masking.phone("+34600111222"));
        String masked = Masking.text("Mi tarjeta 4111 1111 1111 1111, IBAN ES91 2100 0418 4502 0005 1332, maria@example.com");
        assertFalse(masked.contains("4111"), masked);
        assertFalse(masked.contains("2100"), masked);
        assertFalse(masked.contains("maria@"), masked);
    }

    @Test
    void wismoReplyStatesTheStatusInTheCustomersLanguage() {
        Texts texts = TicketTexts.load(List.of("es", "en", "pt"));
        String es = WismoReply.render(texts, "es", "ORD-1", OrderStatus.IN_TRANSIT, java.time.LocalDate.of(2026, 12, 10), "https://t/1");
        assertTrue(es.contains("está en camino") && es.contains("10 de diciembre de 2026") && es.contains("https://t/1"), es);
        String en = WismoReply.render(texts, "en", "ORD-1", OrderStatus.OUT_FOR_DELIVERY, null, null);
        assertTrue(en.contains("out for delivery"), en);
    }
}
