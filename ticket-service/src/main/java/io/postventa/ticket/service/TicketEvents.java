package io.postventa.ticket.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ReopenTrigger;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketMerged;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketReasonChanged;
import io.postventa.events.contacts.TicketReopened;
import io.postventa.events.contacts.TicketReplied;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.outbox.Outbox;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What contacts.v1 says about a ticket: each event built from the ticket as it is now and published through the
 * outbox, in the transaction of the change it reports (keyed by the ticket id).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketEvents {
    private final Outbox outbox;

    public TicketEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** ticket.created: the ticket as opened, from the contact {@code contactId} (none when proactive). */
    public void created(Ticket t, UUID contactId, Instant now) {
        publish(EventType.TICKET_CREATED, t, new TicketCreated(t.id.toString(), now, TicketOrigin.valueOf(t.origin),
                reason(t), priority(t), channel(t), t.customerId, t.orderId,
                contactId == null ? null : contactId.toString(), t.teamId, t.firstResponseDueAt, t.resolutionDueAt), now);
    }

    /** ticket.replied: a public reply {@code m} that goes out on {@code channel}. */
    public void replied(Ticket t, TicketMessage m, boolean automatic, boolean firstReply, String agentId,
            ContactChannel channel) {
        publish(EventType.TICKET_REPLIED, t, new TicketReplied(t.id.toString(), m.id.toString(), m.createdAt, automatic,
                firstReply, reason(t), m.body, languageCode(t.language), t.customerId, t.orderId,
                automatic ? null : agentId, t.teamId, channel), m.createdAt);
    }

    /** ticket.first-response: the first public reply, {@code elapsed} of SLA time after the ticket opened. */
    public void firstResponse(Ticket t, Instant now, Duration elapsed, boolean withinSla, boolean automatic,
            String agentId) {
        publish(EventType.TICKET_FIRST_RESPONSE, t, new TicketFirstResponse(t.id.toString(), now, t.createdAt,
                elapsed.toSeconds(), withinSla, automatic, reason(t), t.customerId, t.orderId,
                automatic ? null : agentId, t.teamId), now);
    }

    /** ticket.solved, {@code elapsed} of SLA time after it opened. */
    public void solved(Ticket t, Instant now, Duration elapsed, boolean resolutionMet, boolean automatic,
            String agentId) {
        publish(EventType.TICKET_SOLVED, t, new TicketSolved(t.id.toString(), now, t.createdAt, elapsed.toSeconds(),
                t.firstResponseAt != null && !t.firstResponseBreached, resolutionMet, automatic, t.reopenCount,
                reason(t), priority(t), t.customerId, t.orderId, t.teamId, automatic ? null : agentId,
                t.procedureId), now);
    }

    /** ticket.reopened: a solved ticket is worked on again, because of {@code trigger}. */
    public void reopened(Ticket t, ReopenTrigger trigger, Instant now) {
        publish(EventType.TICKET_REOPENED, t, new TicketReopened(t.id.toString(), now, trigger, t.reopenCount,
                reason(t), t.customerId, t.orderId), now);
    }

    /** ticket.reason-changed: an agent's correction from {@code before}. */
    public void reasonChanged(Ticket t, ContactReason before, String agentId, Instant now) {
        publish(EventType.TICKET_REASON_CHANGED, t, new TicketReasonChanged(t.id.toString(), now, before, reason(t),
                priority(t), agentId, t.customerId, t.orderId), now);
    }

    /** ticket.merged: {@code source}, a duplicate, was merged into {@code target}. */
    public void merged(Ticket source, Ticket target, String agentId, Instant now) {
        publish(EventType.TICKET_MERGED, source, new TicketMerged(source.id.toString(), now, target.id.toString(),
                reason(source), agentId, source.customerId, source.orderId), now);
    }

    /** ticket.sla-breached: {@code target} ran out (it was due at {@code dueAt}, or now when no due time was kept). */
    public void slaBreached(Ticket t, SlaTarget target, Instant dueAt, Instant now) {
        publish(EventType.TICKET_SLA_BREACHED, t, new TicketSlaBreached(t.id.toString(), now, target,
                dueAt == null ? now : dueAt, priority(t), reason(t), t.customerId, t.orderId, t.teamId, t.agentId), now);
    }

    private void publish(EventType type, Ticket t, Object event, Instant now) {
        outbox.publish(type, t.id.toString(), event, now);
    }

    private static ContactReason reason(Ticket t) {
        return ContactReason.valueOf(t.reason);
    }

    private static TicketPriority priority(Ticket t) {
        return TicketPriority.valueOf(t.priority);
    }

    private static ContactChannel channel(Ticket t) {
        return t.channel == null ? null : ContactChannel.valueOf(t.channel);
    }

    /** The contracts carry an ISO 639-1 code; a ticket may know a locale such as es-ES. */
    private static String languageCode(String language) {
        if (language == null || language.length() < 2) {
            return null;
        }
        String code = language.substring(0, 2).toLowerCase(Locale.ROOT);
        return code.chars().allMatch(c -> c >= 'a' && c <= 'z') ? code : null;
    }
}
