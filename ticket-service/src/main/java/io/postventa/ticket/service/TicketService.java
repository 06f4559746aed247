package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.ReopenTrigger;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketMerged;
import io.postventa.events.contacts.TicketReasonChanged;
import io.postventa.events.contacts.TicketReopened;
import io.postventa.events.contacts.TicketReplied;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.outbox.Outbox;
import io.postventa.ticket.domain.MessageKind;
import io.postventa.ticket.domain.OrderView;
import io.postventa.ticket.domain.PriorityInput;
import io.postventa.ticket.domain.ReturnView;
import io.postventa.ticket.domain.SlaClock;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketStatus;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The ticket lifecycle: opening (priority, SLA policy, routing, assignment), replies and notes, status changes,
 * reopening, merging, reason edits and the SLA clock, each publishing its contacts.v1 event in the same
 * transaction. Callers are use cases that already run in a transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketService {
    private static final Set<String> WITH_CARRIER = Set.of("SHIPPED", "IN_TRANSIT", "OUT_FOR_DELIVERY");

    private final Clock clock;
    private final Outbox outbox;
    private final RuleStore rules;
    private final Assignment assignment;

    public TicketService(Clock clock, Outbox outbox, RuleStore rules, Assignment assignment) {
        this.clock = clock;
        this.outbox = outbox;
        this.rules = rules;
        this.assignment = assignment;
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

    public Instant now() {
        return clock.instant();
    }

    /** Opens a ticket, routes and assigns it, and publishes ticket.created. */
    public Ticket open(NewTicket n, UUID contactId) {
        Instant now = now();
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.status = TicketStatus.NEW.name();
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
        t.createdAt = now;
        t.updatedAt = now;
        t.slaClock(SlaClock.startAt(now));
        TicketPriority priority = prioritise(t);
        t.priority = priority.name();
        SlaPolicy policy = rules.current().policyFor(priority, n.channel());
        t.slaPolicyId = policy.id();
        t.teamId = assignment.teamFor(n.reason());
        refreshSla(t, policy, now);
        // assigned before it is persisted: assign flushes before it locks the team, and a ticket persisted first
        // was inserted there and updated again at commit with its agent
        assignment.assign(t);
        t.persist();
        outbox.publish(EventType.TICKET_CREATED, t.id.toString(), new TicketCreated(t.id.toString(), now, n.origin(),
                n.reason(), priority, n.channel(), t.customerId, t.orderId,
                contactId == null ? null : contactId.toString(), t.teamId, t.firstResponseDueAt, t.resolutionDueAt), now);
        return t;
    }

    private TicketPriority prioritise(Ticket t) {
        OrderView order = t.orderId == null ? null : OrderView.findById(t.orderId);
        boolean repeat = order != null && order.purchaseNumber != null && order.purchaseNumber > 1;
        boolean delayed = order != null && (order.delayed || "EXCEPTION".equals(order.status));
        return rules.current().priorityRules().evaluate(new PriorityInput(ContactReason.valueOf(t.reason),
                t.channel == null ? null : ContactChannel.valueOf(t.channel), repeat, order == null ? null : order.total,
                delayed));
    }

    /** Adds a message to the conversation. */
    public TicketMessage addMessage(Ticket t, MessageKind kind, String author, String body, String channel,
            String subject, String ivrOption, String procedureId, String idempotencyKey) {
        return addMessage(UUID.randomUUID(), t, kind, author, body, channel, subject, ivrOption, procedureId,
                idempotencyKey);
    }

    /** Adds a message with a known id (a contact whose id was already announced). */
    public TicketMessage addMessage(UUID id, Ticket t, MessageKind kind, String author, String body, String channel,
            String subject, String ivrOption, String procedureId, String idempotencyKey) {
        TicketMessage m = new TicketMessage();
        m.id = id;
        m.ticketId = t.id;
        m.kind = kind.name();
        m.author = author;
        m.body = body;
        m.channel = channel;
        m.subject = subject;
        m.ivrOption = ivrOption;
        m.procedureId = procedureId;
        m.idempotencyKey = idempotencyKey;
        m.createdAt = now();
        m.persist();
        t.updatedAt = m.createdAt;
        return m;
    }

    /**
     * A public reply (by an agent, or automatic) publishes ticket.replied; the first one also stops the
     * first-response clock and publishes ticket.first-response; a NEW ticket becomes OPEN.
     */
    public TicketMessage reply(Ticket t, String agentId, String body, boolean automatic, String procedureId) {
        return reply(t, agentId, body, automatic, procedureId, answeredChannel(t));
    }

    /**
     * A public reply that goes out on {@code channel}: the channel of the contact it answers, which the reply's
     * message records and ticket.replied carries so the customer is answered where they wrote.
     */
    public TicketMessage reply(Ticket t, String agentId, String body, boolean automatic, String procedureId,
            ContactChannel channel) {
        requireWritable(t);
        TicketMessage m = addMessage(t, automatic ? MessageKind.AUTO_REPLY : MessageKind.PUBLIC_REPLY,
                automatic ? "system" : agentId, body, channel == null ? null : channel.name(), null, null,
                procedureId, null);
        Instant now = m.createdAt;
        SlaPolicy policy = rules.current().policy(t.slaPolicyId);
        boolean firstReply = t.firstResponseAt == null;
        outbox.publish(EventType.TICKET_REPLIED, t.id.toString(), new TicketReplied(t.id.toString(), m.id.toString(),
                now, automatic, firstReply, ContactReason.valueOf(t.reason), body, languageCode(t.language),
                t.customerId, t.orderId, automatic ? null : agentId, t.teamId, channel), now);
        if (firstReply) {
            t.firstResponseAt = now;
            Duration elapsed = t.slaClock().elapsed(policy.calendar(), now);
            boolean within = elapsed.compareTo(policy.firstResponse(t.priority)) <= 0;
            if (!within && !t.firstResponseBreached) {
                breach(t, SlaTarget.FIRST_RESPONSE, t.firstResponseDueAt, now);
            }
            outbox.publish(EventType.TICKET_FIRST_RESPONSE, t.id.toString(), new TicketFirstResponse(t.id.toString(), now,
                    t.createdAt, elapsed.toSeconds(), within && !t.firstResponseBreached, automatic,
                    ContactReason.valueOf(t.reason), t.customerId, t.orderId, automatic ? null : agentId, t.teamId), now);
        }
        if (t.status() == TicketStatus.NEW) {
            t.status = TicketStatus.OPEN.name();
        }
        refreshSla(t, policy, now);
        return m;
    }

    /** The first-response target of the ticket's SLA policy for its priority (what a customer is promised). */
    public Duration firstResponseTarget(Ticket t) {
        return rules.current().policy(t.slaPolicyId).firstResponse(t.priority);
    }

    /** The channel of the customer's latest contact on the ticket (the one a reply answers), else the ticket's. */
    public ContactChannel answeredChannel(Ticket t) {
        List<String> latest = Ticket.getEntityManager().createQuery("select m.channel from TicketMessage m"
                + " where m.ticketId = :ticket and m.kind = 'CUSTOMER' and m.channel is not null"
                + " order by m.createdAt desc, m.id desc", String.class)
                .setParameter("ticket", t.id).setMaxResults(1).getResultList();
        String channel = latest.isEmpty() ? t.channel : latest.get(0);
        return channel == null ? null : ContactChannel.valueOf(channel);
    }

    /** The customer wrote again: a pending or solved ticket opens again (solved ones publish ticket.reopened). */
    public void customerWrote(Ticket t) {
        TicketStatus before = t.status();
        TicketStatus after = before.afterCustomerReply();
        if (after == before) {
            return;
        }
        Instant now = now();
        t.status = after.name();
        if (before == TicketStatus.SOLVED) {
            reopen(t, ReopenTrigger.CUSTOMER_REPLY, now);
        }
        refreshSla(t, rules.current().policy(t.slaPolicyId), now);
    }

    private void reopen(Ticket t, ReopenTrigger trigger, Instant now) {
        t.reopenCount++;
        t.solvedAt = null;
        t.autoSolved = false;
        outbox.publish(EventType.TICKET_REOPENED, t.id.toString(), new TicketReopened(t.id.toString(), now, trigger,
                t.reopenCount, ContactReason.valueOf(t.reason), t.customerId, t.orderId), now);
    }

    /** Moves a ticket to {@code target} (409 when the lifecycle does not allow it). */
    public void changeStatus(Ticket t, TicketStatus target, String agentId, boolean automatic) {
        TicketStatus before = t.status();
        if (before == target) {
            return;
        }
        if (!before.canMoveTo(target) || t.mergedInto != null) {
            throw ProblemException.conflict("a ticket cannot go from " + before + " to " + target);
        }
        Instant now = now();
        SlaPolicy policy = rules.current().policy(t.slaPolicyId);
        // stop the clock first so resolution time is measured up to now
        t.status = target.name();
        if (target == TicketStatus.SOLVED) {
            Duration elapsed = t.slaClock().elapsed(policy.calendar(), now);
            boolean resolutionMet = elapsed.compareTo(policy.resolution(t.priority)) <= 0 && !t.resolutionBreached;
            if (!resolutionMet && !t.resolutionBreached) {
                breach(t, SlaTarget.RESOLUTION, t.resolutionDueAt, now);
            }
            t.solvedAt = now;
            t.autoSolved = automatic;
            outbox.publish(EventType.TICKET_SOLVED, t.id.toString(), new TicketSolved(t.id.toString(), now, t.createdAt,
                    elapsed.toSeconds(), t.firstResponseAt != null && !t.firstResponseBreached, resolutionMet, automatic,
                    t.reopenCount, ContactReason.valueOf(t.reason), TicketPriority.valueOf(t.priority), t.customerId,
                    t.orderId, t.teamId, automatic ? null : agentId, t.procedureId), now);
        } else if (before == TicketStatus.SOLVED && target == TicketStatus.OPEN) {
            reopen(t, ReopenTrigger.AGENT, now);
        }
        addMessage(t, MessageKind.SYSTEM, automatic ? "system" : agentId, "status " + before + " -> " + target, null,
                null, null, null, null);
        refreshSla(t, policy, now);
        if (before.isActive() && !target.isActive() && t.agentId != null) {
            t.persist();
            assignment.fillQueue(t.teamId); // the agent has room again: hand out the most urgent waiting ticket
        }
    }

    /** An agent corrects the reason: priority and SLA policy follow the new reason. */
    public void changeReason(Ticket t, ContactReason reason, String agentId) {
        requireWritable(t);
        String before = t.reason;
        t.reason = reason.name();
        t.reasonSource = ReasonSource.AGENT.name();
        t.priority = prioritise(t).name();
        SlaPolicy policy = rules.current().policyFor(TicketPriority.valueOf(t.priority),
                t.channel == null ? null : ContactChannel.valueOf(t.channel));
        t.slaPolicyId = policy.id();
        addMessage(t, MessageKind.SYSTEM, agentId, "reason " + before + " -> " + reason, null, null, null, null, null);
        refreshSla(t, policy, now());
        if (!before.equals(t.reason)) {
            outbox.publish(EventType.TICKET_REASON_CHANGED, t.id.toString(), new TicketReasonChanged(t.id.toString(),
                    now(), ContactReason.valueOf(before), reason, TicketPriority.valueOf(t.priority), agentId,
                    t.customerId, t.orderId), now());
        }
    }

    /**
     * An agent overrides the priority the rules gave: the SLA policy of the new priority applies from now on (the
     * clock keeps its start, so the promise made to the customer is not reset).
     */
    public void changePriority(Ticket t, TicketPriority priority, String agentId) {
        requireWritable(t);
        String before = t.priority;
        if (before.equals(priority.name())) {
            return;
        }
        t.priority = priority.name();
        SlaPolicy policy = rules.current().policyFor(priority, t.channel == null ? null : ContactChannel.valueOf(t.channel));
        t.slaPolicyId = policy.id();
        addMessage(t, MessageKind.SYSTEM, agentId, "priority " + before + " -> " + priority, null, null, null, null, null);
        refreshSla(t, policy, now());
    }

    /**
     * Gives {@code agentId} the most urgent unassigned active ticket of {@code teamId} (any team when null), in
     * {@link #URGENCY_SQL} order; empty when none waits. The row is locked and skipped by concurrent callers, so two
     * agents taking at once get two different tickets.
     */
    public Optional<Ticket> takeNext(String teamId, String agentId) {
        String sql = "select * from ticket where agent_id is null and merged_into is null and status in " + ACTIVE_LITERALS
                + (teamId == null ? "" : " and team_id = :team") + " order by " + URGENCY_SQL
                + " limit 1 for update skip locked";
        var query = Ticket.getEntityManager().createNativeQuery(sql, Ticket.class);
        if (teamId != null) {
            query.setParameter("team", teamId);
        }
        @SuppressWarnings("unchecked")
        List<Ticket> found = query.getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Ticket t = found.get(0);
        t.agentId = agentId;
        t.updatedAt = now();
        addMessage(t, MessageKind.SYSTEM, agentId, "taken by " + agentId, null, null, null, null, null);
        return Optional.of(t);
    }

    /**
     * Most urgent first: priority, then the nearest SLA due time still running (the generated {@code sla_due_at}
     * column, see the README), then the oldest; the id keeps pages stable. ticket_urgency_idx and
     * ticket_team_queue_idx serve this order. {@link #URGENCY_HQL} is the same order for entity queries.
     */
    public static final String URGENCY_SQL = "priority_rank, sla_due_at, created_at, id";
    public static final String URGENCY_HQL = "priorityRank, slaDueAt, createdAt, id";

    /** Merges {@code source} into {@code target}: its conversation moves over and it closes, pointing at the target. */
    public void merge(Ticket target, Ticket source, String agentId) {
        if (target.id.equals(source.id)) {
            throw ProblemException.badField("sourceTicketId", "must be another ticket");
        }
        requireWritable(target);
        requireWritable(source);
        TicketMessage.update("ticketId = ?1 where ticketId = ?2", target.id, source.id);
        source.mergedInto = target.id;
        source.status = TicketStatus.CLOSED.name();
        source.updatedAt = now();
        outbox.publish(EventType.TICKET_MERGED, source.id.toString(), new TicketMerged(source.id.toString(), now(),
                target.id.toString(), ContactReason.valueOf(source.reason), agentId, source.customerId,
                source.orderId), now());
        if (target.orderId == null) {
            target.orderId = source.orderId;
        }
        if (target.customerId == null) {
            target.customerId = source.customerId;
        }
        // the earlier promise to the customer stands: keep the older SLA start
        if (source.slaStartedAt.isBefore(target.slaStartedAt)) {
            target.slaStartedAt = source.slaStartedAt;
            target.createdAt = source.createdAt.isBefore(target.createdAt) ? source.createdAt : target.createdAt;
        }
        if (target.firstResponseAt == null && source.firstResponseAt != null) {
            target.firstResponseAt = source.firstResponseAt;
        }
        addMessage(target, MessageKind.SYSTEM, agentId, "merged ticket " + source.id + " into this one", null, null,
                null, null, null);
        if (target.status() == TicketStatus.SOLVED) {
            target.status = TicketStatus.OPEN.name();
        }
        refreshSla(target, rules.current().policy(target.slaPolicyId), now());
    }

    /**
     * Pauses or resumes the SLA clock to match the ticket and its order: waiting on the customer or solved always
     * pauses; the parcel with the carrier or a return in transit pauses when the policy says so. Due times follow.
     */
    public void refreshSla(Ticket t, SlaPolicy policy, Instant now) {
        boolean pause = t.status().pausesSla()
                || (policy.pauseWhileWithCarrier() && withCarrier(t))
                || (policy.pauseWhileReturnInTransit() && returnInTransit(t));
        SlaClock clock = t.slaClock().pausedIf(pause, policy.calendar(), now);
        t.slaClock(clock);
        if (t.firstResponseAt == null) {
            t.firstResponseDueAt = clock.dueAt(policy.calendar(), policy.firstResponse(t.priority));
        }
        if (t.status().isActive()) {
            t.resolutionDueAt = clock.dueAt(policy.calendar(), policy.resolution(t.priority));
        }
        t.updatedAt = now;
    }

    /** Re-evaluates the SLA pause of every active ticket about an order after its order or return changed. */
    public void refreshOrderTickets(String orderId) {
        Instant now = now();
        for (Ticket t : Ticket.<Ticket>list("orderId = ?1 and status in " + ACTIVE_LITERALS + " and mergedInto is null", orderId)) {
            refreshSla(t, rules.current().policy(t.slaPolicyId), now);
        }
    }

    /**
     * Publishes ticket.sla-breached for every target that ran out by now, once per target (a flag on the ticket,
     * set in the same transaction as the event).
     */
    public int checkBreaches(Ticket t, Instant now) {
        SlaPolicy policy = rules.current().policy(t.slaPolicyId);
        int breaches = 0;
        SlaClock clock = t.slaClock();
        if (t.firstResponseAt == null && !t.firstResponseBreached
                && clock.isBreached(policy.calendar(), policy.firstResponse(t.priority), now)) {
            breach(t, SlaTarget.FIRST_RESPONSE, policy.calendar().addBusinessTime(clock.startedAt(),
                    policy.firstResponse(t.priority).plus(clock.paused())), now);
            breaches++;
        }
        if (t.status().isActive() && !t.resolutionBreached
                && clock.isBreached(policy.calendar(), policy.resolution(t.priority), now)) {
            breach(t, SlaTarget.RESOLUTION, policy.calendar().addBusinessTime(clock.startedAt(),
                    policy.resolution(t.priority).plus(clock.paused())), now);
            breaches++;
        }
        // A stored due time that passed without a breach (the clock was paused meanwhile) moves to where the clock
        // puts it now, so that the next check does not pick the ticket up again, and again.
        if (t.firstResponseAt == null && !t.firstResponseBreached && passed(t.firstResponseDueAt, now)) {
            t.firstResponseDueAt = clock.dueAt(policy.calendar(), policy.firstResponse(t.priority));
        }
        if (!t.resolutionBreached && passed(t.resolutionDueAt, now)) {
            t.resolutionDueAt = t.status().isActive() ? clock.dueAt(policy.calendar(), policy.resolution(t.priority)) : null;
        }
        return breaches;
    }

    private static boolean passed(Instant due, Instant now) {
        return due != null && !due.isAfter(now);
    }

    private void breach(Ticket t, SlaTarget target, Instant dueAt, Instant now) {
        if (target == SlaTarget.FIRST_RESPONSE) {
            t.firstResponseBreached = true;
        } else {
            t.resolutionBreached = true;
        }
        outbox.publish(EventType.TICKET_SLA_BREACHED, t.id.toString(), new TicketSlaBreached(t.id.toString(), now, target,
                dueAt == null ? now : dueAt, TicketPriority.valueOf(t.priority), ContactReason.valueOf(t.reason),
                t.customerId, t.orderId, t.teamId, t.agentId), now);
    }

    private static boolean withCarrier(Ticket t) {
        if (t.orderId == null) {
            return false;
        }
        OrderView order = OrderView.findById(t.orderId);
        return order != null && WITH_CARRIER.contains(order.status);
    }

    private static boolean returnInTransit(Ticket t) {
        return t.orderId != null && ReturnView.count("orderId = ?1 and state = 'IN_TRANSIT'", t.orderId) > 0;
    }

    private static void requireWritable(Ticket t) {
        if (t.mergedInto != null) {
            throw ProblemException.conflict("ticket " + t.id + " was merged into " + t.mergedInto);
        }
        if (t.status() == TicketStatus.CLOSED) {
            throw ProblemException.conflict("ticket " + t.id + " is closed");
        }
    }

    public static List<String> activeNames() {
        return TicketStatus.ACTIVE.stream().map(Enum::name).toList();
    }

    /**
     * The active statuses as a literal list for a query's text, "('NEW', 'ON_HOLD', ...)". A constant list written
     * into the query keeps its translation cached; passed as a list parameter, Hibernate translated the query again
     * on every call (a sixth of a contact's CPU went to one such lookup).
     */
    public static final String ACTIVE_LITERALS = literals(activeNames());

    /** Status names as a literal list for a query's text. */
    public static String literals(List<String> names) {
        return names.stream().sorted().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** The contracts carry an ISO 639-1 code; a ticket may know a locale such as es-ES. */
    private static String languageCode(String language) {
        if (language == null || language.length() < 2) {
            return null;
        }
        String code = language.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        return code.chars().allMatch(c -> c >= 'a' && c <= 'z') ? code : null;
    }
}
