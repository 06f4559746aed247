package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Opens tickets: priority from the rules, the SLA policy of that priority and channel, the team of the reason and
 * an agent of it, then ticket.created. Callers (a contact, a delay, a detractor) already run in a transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketOpening {
    private final Clock clock;
    private final RuleStore rules;
    private final TicketPriorities priorities;
    private final Assignment assignment;
    private final SlaTracking sla;
    private final TicketEvents events;

    public TicketOpening(Clock clock, RuleStore rules, TicketPriorities priorities, Assignment assignment,
            SlaTracking sla, TicketEvents events) {
        this.clock = clock;
        this.rules = rules;
        this.priorities = priorities;
        this.assignment = assignment;
        this.sla = sla;
        this.events = events;
    }

    /** What a new ticket starts from. */
    public record NewTicket(ContactReason reason, ReasonSource reasonSource, ContactChannel channel, TicketOrigin origin,
            String customerId, String email, String phone, String orderId, String subject, String language) {
    }

    /**
     * Serialises, until the transaction ends, everything that may open a ticket for this order, so two contacts
     * (or a contact and a delay) arriving together still end up on one ticket. The lock reads no table, so it
     * does not flush: Hibernate flushes the session before a native query by default, which here only
     * dirty-checked every entity loaded so far (2% of a contact's request-thread CPU); the queries after it flush
     * what they read as usual.
     */
    public void lockOrder(String orderId) {
        if (orderId != null) {
            Ticket.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))")
                    .setParameter("k", "ticket-order:" + orderId).unwrap(NativeQuery.class)
                    .setQueryFlushMode(QueryFlushMode.NO_FLUSH).getResultList();
        }
    }

    /** Opens a ticket, routes and assigns it, and publishes ticket.created ({@code contactId}: the contact, if any). */
    public Ticket open(NewTicket n, UUID contactId) {
        Instant now = clock.instant();
        Ticket t = Ticket.opened(UUID.randomUUID(), now);
        t.reason = n.reason().name();
        t.reasonSource = n.reasonSource().name();
        t.channel = n.channel() == null ? null : n.channel().name();
        t.origin = n.origin().name();
        t.customerId = n.customerId();
        t.email = n.email();
        t.phone = n.phone();
        t.orderId = n.orderId();
        t.subject = n.subject();
        t.language = n.language();
        TicketPriority priority = priorities.of(t);
        t.priority = priority.name();
        SlaPolicy policy = rules.current().policyFor(priority, n.channel());
        t.slaPolicyId = policy.id();
        t.teamId = assignment.teamFor(n.reason());
        sla.refresh(t, policy, now);
        // assigned before it is persisted: assign flushes before it locks the team, and a ticket persisted first
        // was inserted there and updated again at commit with its agent
        assignment.assign(t);
        t.persist();
        events.created(t, contactId, now);
        return t;
    }
}
