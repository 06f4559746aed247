package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;
import static io.postventa.feedback.service.Rollups.SplitCounter.AUTOMATIC_FIRST_RESPONSES;
import static io.postventa.feedback.service.Rollups.SplitCounter.FIRST_RESPONSES_WITHIN_1H;
import static io.postventa.feedback.service.Rollups.SplitCounter.FIRST_RESPONSES_WITHIN_24H;
import static io.postventa.feedback.service.Rollups.SplitCounter.FIRST_RESPONSES_WITHIN_48H;
import static io.postventa.feedback.service.Rollups.SplitCounter.FIRST_RESPONSES_WITHIN_4H;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketMerged;
import io.postventa.events.contacts.TicketReasonChanged;
import io.postventa.events.contacts.TicketReopened;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.OrderDefects;
import io.postventa.feedback.domain.SplitDimension;
import io.postventa.feedback.service.Rollups.SplitCounter;
import io.postventa.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Learns from contacts.v1: contacts and tickets for the rollups and the Pareto (an agent's reason correction moves
 * them), open tickets that hold surveys back, defective orders, and the CSAT survey a solved ticket triggers. Runs in
 * the consumer's transaction, after the inbox has deduplicated the event.
 */
@ApplicationScoped
public class TicketFacts {
    private final Sql sql;
    private final Rollups rollups;
    private final OrderFacts orders;
    private final CustomerFacts customers;
    private final SurveyStore surveys;
    private final FeedbackConfig config;
    private final VariantFacts variants;
    private final Alerts alerts;

    public TicketFacts(Sql sql, Rollups rollups, OrderFacts orders, CustomerFacts customers, SurveyStore surveys,
            FeedbackConfig config, VariantFacts variants, Alerts alerts) {
        this.alerts = alerts;
        this.variants = variants;
        this.sql = sql;
        this.rollups = rollups;
        this.orders = orders;
        this.customers = customers;
        this.surveys = surveys;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onContact(IncomingEvent event) {
        switch (event.type()) {
            case CONTACT_RECEIVED -> contact(event.data(ContactReceived.class));
            case TICKET_CREATED -> created(event.data(TicketCreated.class));
            case TICKET_FIRST_RESPONSE -> firstResponse(event.data(TicketFirstResponse.class));
            case TICKET_SOLVED -> solved(event.data(TicketSolved.class));
            case TICKET_REOPENED -> {
                TicketReopened r = event.data(TicketReopened.class);
                ensureTicket(r.ticketId(), r.customerId(), r.orderId(), r.reason());
                sql.update("update ticket_fact set open = true where ticket_id = ?", r.ticketId());
                rollups.add(rollups.day(r.occurredAt()), REOPENS, 1);
                // a reopen counts against whoever solved the ticket
                Handlers h = handlers(r.ticketId());
                split(rollups.day(r.occurredAt()), h.channel(), h.solvedTeam(), h.solvedAgent(), Map.of(SplitCounter.REOPENS, 1L));
            }
            case TICKET_REASON_CHANGED -> reasonChanged(event.data(TicketReasonChanged.class));
            case TICKET_MERGED -> merged(event.data(TicketMerged.class));
            case TICKET_SLA_BREACHED -> {
                TicketSlaBreached b = event.data(TicketSlaBreached.class);
                ensureTicket(b.ticketId(), b.customerId(), b.orderId(), b.reason());
                rollups.add(rollups.day(b.occurredAt()), SLA_BREACHES, 1);
                split(rollups.day(b.occurredAt()), handlers(b.ticketId()).channel(), b.teamId(), b.agentId(),
                        Map.of(SplitCounter.SLA_BREACHES, 1L));
                alerts.ticketBreached(b.ticketId(), b.target() == null ? "SLA" : b.target().name(), b.teamId());
            }
            default -> {
            }
        }
    }

    private void contact(ContactReceived c) {
        if (sql.update("insert into contact_fact (contact_id, ticket_id, customer_id, order_id, reason, received_at, reason_at_contact, "
                + "channel) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (contact_id) do nothing", c.contactId(), c.ticketId(),
                c.customerId(), c.orderId(), c.reason(), c.occurredAt(), c.reason(), c.channel() == null ? null : c.channel().name()) == 0) {
            return;
        }
        LocalDate day = rollups.day(c.occurredAt());
        rollups.add(day, CONTACTS, 1);
        if (c.channel() != null) {
            rollups.split(day, SplitDimension.CHANNEL, c.channel().name(), Map.of(SplitCounter.CONTACTS, 1L));
        }
        rollups.contactReason(day, c.reason().name());
        if (c.orderId() != null) {
            orders.ensureOrder(c.orderId(), c.customerId());
            List<String> skus = sql.list("select sku from order_line_fact where order_id = ?", rs -> rs.getString(1), c.orderId());
            for (String sku : skus) {
                rollups.sku(day, sku, 0, 0, 1);
                rollups.skuReason(day, sku, c.reason().name());
            }
            if (OrderDefects.DEFECT_CONTACTS.contains(c.reason())) {
                orders.markDefect(c.orderId());
            }
        }
        customers.rememberLocale(c.customerId(), c.language());
        if (c.orderId() != null) {
            variants.contacted(c.orderId(), c.occurredAt());
        }
    }

    private void created(TicketCreated t) {
        ensureTicket(t.ticketId(), t.customerId(), t.orderId(), t.reason());
        String channel = t.channel() == null ? null : t.channel().name();
        if (sql.update("update ticket_fact set created_at = ?, open = not solved_once, reason = ?, channel = ?, team_id = ?, "
                + "first_response_due_at = ?, resolution_due_at = ? where ticket_id = ? and created_at is null", t.occurredAt(),
                t.reason(), channel, t.teamId(), t.firstResponseDueAt(), t.resolutionDueAt(), t.ticketId()) == 1) {
            rollups.add(rollups.day(t.occurredAt()), TICKETS_CREATED, 1);
            split(rollups.day(t.occurredAt()), channel, t.teamId(), null, Map.of(SplitCounter.TICKETS_CREATED, 1L));
        }
    }

    private void firstResponse(TicketFirstResponse f) {
        ensureTicket(f.ticketId(), f.customerId(), f.orderId(), f.reason());
        boolean automatic = Boolean.TRUE.equals(f.automatic());
        if (sql.update("update ticket_fact set first_response_recorded = true, first_response_at = ?, first_response_seconds = ?, "
                + "first_response_within_sla = ?, first_response_automatic = ?, first_response_team = ?, first_response_agent = ? "
                + "where ticket_id = ? and not first_response_recorded", f.occurredAt(), f.firstResponseSeconds(),
                Boolean.TRUE.equals(f.withinSla()), automatic, f.teamId(), automatic ? null : f.agentId(), f.ticketId()) == 1) {
            LocalDate day = rollups.day(f.occurredAt());
            split(day, handlers(f.ticketId()).channel(), f.teamId(), automatic ? null : f.agentId(),
                    firstResponseSplit(automatic, f.firstResponseSeconds(), Boolean.TRUE.equals(f.withinSla())));
            if (automatic) {
                // first-response time is people's: an automatic answer counts only in the share answered automatically
                rollups.add(day, Rollups.Counter.AUTOMATIC_FIRST_RESPONSES, 1);
                return;
            }
            rollups.add(day, FIRST_RESPONSES, 1);
            rollups.add(day, FIRST_RESPONSE_SECONDS_SUM, f.firstResponseSeconds());
            if (Boolean.TRUE.equals(f.withinSla())) {
                rollups.add(day, FIRST_RESPONSES_WITHIN_SLA, 1);
            }
            rollups.firstResponse(day, f.firstResponseSeconds());
        }
    }

    private void solved(TicketSolved s) {
        ensureTicket(s.ticketId(), s.customerId(), s.orderId(), s.reason());
        boolean slaMet = Boolean.TRUE.equals(s.firstResponseMet()) && Boolean.TRUE.equals(s.resolutionMet());
        sql.update("update ticket_fact set open = false, reason = ?, sla_met = ?, customer_id = coalesce(customer_id, ?), "
                + "order_id = coalesce(order_id, ?) where ticket_id = ?", s.reason(), slaMet, s.customerId(), s.orderId(), s.ticketId());
        String agent = Boolean.TRUE.equals(s.automatic()) ? null : s.agentId();
        if (sql.update("update ticket_fact set solved_once = true, solved_at = ?, resolution_seconds = ?, solved_within_sla = ?, "
                + "solved_team = ?, solved_agent = ? where ticket_id = ? and not solved_once", s.occurredAt(), s.resolutionSeconds(),
                slaMet, s.teamId(), agent, s.ticketId()) == 1) {
            LocalDate day = rollups.day(s.occurredAt());
            Map<SplitCounter, Long> deltas = new EnumMap<>(SplitCounter.class);
            deltas.put(SplitCounter.TICKETS_SOLVED, 1L);
            deltas.put(SplitCounter.RESOLUTION_SECONDS_SUM, s.resolutionSeconds());
            deltas.put(SplitCounter.TICKETS_SOLVED_WITHIN_SLA, slaMet ? 1L : 0L);
            split(day, handlers(s.ticketId()).channel(), s.teamId(), agent, deltas);
            rollups.add(day, TICKETS_SOLVED, 1);
            rollups.add(day, RESOLUTION_SECONDS_SUM, s.resolutionSeconds());
            if (slaMet) {
                rollups.add(day, TICKETS_SOLVED_WITHIN_SLA, 1);
            }
        }
        if (s.customerId() != null) {
            surveys.schedule(SurveyKind.CSAT, SurveyTrigger.TICKET_SOLVED, s.customerId(), s.ticketId(), s.occurredAt(),
                    s.occurredAt().plus(config.surveys().csatAfterTicketSolved()), s.orderId(), null, s.ticketId());
        }
    }

    /**
     * An agent's correction: the ticket's contacts move to the new reason in the Pareto (on the days they came),
     * so reports say why customers really wrote. Per-sku reason counts keep the reason at contact time.
     */
    private void reasonChanged(TicketReasonChanged r) {
        ensureTicket(r.ticketId(), r.customerId(), r.orderId(), r.reason());
        sql.update("update ticket_fact set reason = ? where ticket_id = ?", r.reason(), r.ticketId());
        List<LocalDate> days = sql.list("update contact_fact set reason = ? where ticket_id = ? and reason = ? returning received_at",
                rs -> rollups.day(rs.getTimestamp(1).toInstant()), r.reason(), r.ticketId(), r.previousReason());
        for (LocalDate day : days) {
            rollups.contactReason(day, r.previousReason().name(), -1);
            rollups.contactReason(day, r.reason().name(), 1);
        }
        if (!days.isEmpty() && r.orderId() != null && OrderDefects.DEFECT_CONTACTS.contains(r.reason())) {
            orders.markDefect(r.orderId());
        }
    }

    /**
     * A duplicate merged into another ticket is closed (it no longer holds surveys back) and stops counting as a
     * ticket of its own; its contacts stay counted.
     */
    private void merged(TicketMerged m) {
        ensureTicket(m.ticketId(), m.customerId(), m.orderId(), m.reason());
        List<Object[]> created = sql.list("update ticket_fact set merged_into = ?, open = false where ticket_id = ? "
                + "and merged_into is null returning created_at, channel, team_id", rs -> {
                    java.sql.Timestamp t = rs.getTimestamp(1);
                    return new Object[] { t == null ? null : t.toInstant(), rs.getString(2), rs.getString(3) };
                }, m.mergedInto(), m.ticketId());
        if (!created.isEmpty() && created.get(0)[0] != null) {
            LocalDate day = rollups.day((Instant) created.get(0)[0]);
            rollups.add(day, TICKETS_CREATED, -1);
            split(day, (String) created.get(0)[1], (String) created.get(0)[2], null, Map.of(SplitCounter.TICKETS_CREATED, -1L));
        }
    }

    /** A CSAT answer about a ticket counts for the ticket's channel and the team and agent that solved it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void csat(String ticketId, int score, boolean satisfied, LocalDate day) {
        if (ticketId == null) {
            return;
        }
        Handlers h = handlers(ticketId);
        Map<SplitCounter, Long> deltas = new EnumMap<>(SplitCounter.class);
        deltas.put(SplitCounter.CSAT_ANSWERS, 1L);
        deltas.put(SplitCounter.CSAT_SATISFIED, satisfied ? 1L : 0L);
        deltas.put(SplitCounter.CSAT_SCORE_SUM, (long) score);
        split(day, h.channel(), h.solvedTeam(), h.solvedAgent(), deltas);
    }

    /** Who handled a ticket, as far as the events said so far. */
    record Handlers(String channel, String solvedTeam, String solvedAgent) {
    }

    Handlers handlers(String ticketId) {
        return sql.one("select channel, solved_team, solved_agent from ticket_fact where ticket_id = ?",
                rs -> new Handlers(rs.getString(1), rs.getString(2), rs.getString(3)), ticketId)
                .orElse(new Handlers(null, null, null));
    }

    /** Adds the same counters to a ticket's channel, team and agent (each only when known). */
    private void split(LocalDate day, String channel, String team, String agent, Map<SplitCounter, Long> deltas) {
        rollups.split(day, SplitDimension.CHANNEL, channel, deltas);
        rollups.split(day, SplitDimension.TEAM, team, deltas);
        rollups.split(day, SplitDimension.AGENT, agent, deltas);
    }

    /**
     * A first response in the splits: a person's counts toward the response times and their thresholds, an automatic
     * one only toward the share answered automatically.
     */
    static Map<SplitCounter, Long> firstResponseSplit(boolean automatic, long seconds, boolean withinSla) {
        Map<SplitCounter, Long> deltas = new EnumMap<>(SplitCounter.class);
        if (automatic) {
            deltas.put(AUTOMATIC_FIRST_RESPONSES, 1L);
            return deltas;
        }
        deltas.put(SplitCounter.FIRST_RESPONSES, 1L);
        deltas.put(SplitCounter.FIRST_RESPONSE_SECONDS_SUM, seconds);
        deltas.put(SplitCounter.FIRST_RESPONSES_WITHIN_SLA, withinSla ? 1L : 0L);
        deltas.put(FIRST_RESPONSES_WITHIN_1H, seconds <= 3600 ? 1L : 0L);
        deltas.put(FIRST_RESPONSES_WITHIN_4H, seconds <= 4 * 3600 ? 1L : 0L);
        deltas.put(FIRST_RESPONSES_WITHIN_24H, seconds <= 24 * 3600 ? 1L : 0L);
        deltas.put(FIRST_RESPONSES_WITHIN_48H, seconds <= 48 * 3600 ? 1L : 0L);
        return deltas;
    }

    private void ensureTicket(String ticketId, String customerId, String orderId, ContactReason reason) {
        sql.update("insert into ticket_fact (ticket_id, customer_id, order_id, reason, open) values (?, ?, ?, ?, false) "
                + "on conflict (ticket_id) do update set customer_id = coalesce(ticket_fact.customer_id, excluded.customer_id), "
                + "order_id = coalesce(ticket_fact.order_id, excluded.order_id)", ticketId, customerId, orderId, reason);
    }
}
