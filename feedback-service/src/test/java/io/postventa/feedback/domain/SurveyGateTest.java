package io.postventa.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.postventa.feedback.domain.SurveyGate.Action;
import io.postventa.feedback.domain.SurveyGate.Hold;

class SurveyGateTest {
    private final SurveyGate gate = new SurveyGate(Duration.ofDays(30), Duration.ofDays(30));
    private final Instant now = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void aDueSurveyWithNothingInTheWayIsSent() {
        assertEquals(Action.SEND, gate.decide(now, now.minusSeconds(60), List.of(), null).action());
    }

    @Test
    void anOpenTicketHoldsTheSurvey() {
        SurveyGate.Decision d = gate.decide(now, now.minusSeconds(60), List.of(Hold.OPEN_TICKET), null);
        assertEquals(Action.HOLD, d.action());
        assertEquals("OPEN_TICKET", d.reason());
    }

    @Test
    void aSurveyOfTheSameKindWithinTheCooldownSuppressesIt() {
        assertEquals(Action.SUPPRESS, gate.decide(now, now, List.of(), now.minus(Duration.ofDays(29))).action());
        assertEquals(Action.SEND, gate.decide(now, now, List.of(), now.minus(Duration.ofDays(30))).action());
    }

    @Test
    void aSurveyHeldLongerThanTheMaximumIsDropped() {
        assertEquals(Action.DROP, gate.decide(now, now.minus(Duration.ofDays(30)), List.of(Hold.OPEN_RETURN), null).action());
        assertEquals(Action.HOLD, gate.decide(now, now.minus(Duration.ofDays(29)), List.of(Hold.OPEN_RETURN), null).action());
    }

    @Test
    void aSurveyAboutSomethingLongPastIsDroppedNotSent() {
        SurveyGate.Decision d = gate.decide(now, now.minus(Duration.ofDays(365)), List.of(), null);
        assertEquals(Action.DROP, d.action());
        assertEquals("TOO_LATE", d.reason());
    }
}
