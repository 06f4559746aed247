package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import io.postventa.outbox.inbox.IncomingEvent;
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

    public TicketFacts(Sql sql, Rollups rollups, OrderFacts orders, CustomerFacts customers, SurveyStore surveys,
            FeedbackConfig config) {
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
            }
            case TICKET_REASON_CHANGED -> reasonChanged(event.data(TicketReasonChanged.class));
            case TICKET_MERGED -> merged(event.data(TicketMerged.class));
            case TICKET_SLA_BREACHED -> {
                TicketSlaBreached b = event.data(TicketSlaBreached.class);
                ensureTicket(b.ticketId(), b.customerId(), b.orderId(), b.reason());
                rollups.add(rollups.day(b.occurredAt()), SLA_BREACHES, 1);
            }
            default -> {
            }
        }
    }

    private void contact(ContactReceived c) {
        if (sql.update("insert into contact_fact (contact_id, ticket_id, customer_id, order_id, reason, received_at, reason_at_contact) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict (contact_id) do nothing", c.contactId(), c.ticketId(), c.customerId(),
                c.orderId(), c.reason(), c.occurredAt(), c.reason()) == 0) {
            return;
        }
        LocalDate day = rollups.day(c.occurredAt());
        rollups.add(day, CONTACTS, 1);
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
    }

    private void created(TicketCreated t) {
        ensureTicket(t.ticketId(), t.customerId(), t.orderId(), t.reason());
        if (sql.update("update ticket_fact set created_at = ?, open = not solved_once, reason = ? where ticket_id = ? "
                + "and created_at is null", t.occurredAt(), t.reason(), t.ticketId()) == 1) {
            rollups.add(rollups.day(t.occurredAt()), TICKETS_CREATED, 1);
        }
    }

    private void firstResponse(TicketFirstResponse f) {
        ensureTicket(f.ticketId(), f.customerId(), f.orderId(), f.reason());
        if (sql.update("update ticket_fact set first_response_recorded = true, first_response_at = ?, first_response_seconds = ?, "
                + "first_response_within_sla = ? where ticket_id = ? and not first_response_recorded", f.occurredAt(),
                f.firstResponseSeconds(), Boolean.TRUE.equals(f.withinSla()), f.ticketId()) == 1) {
            LocalDate day = rollups.day(f.occurredAt());
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
        if (sql.update("update ticket_fact set solved_once = true, solved_at = ?, resolution_seconds = ?, solved_within_sla = ? "
                + "where ticket_id = ? and not solved_once", s.occurredAt(), s.resolutionSeconds(), slaMet, s.ticketId()) == 1) {
            LocalDate day = rollups.day(s.occurredAt());
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
        List<java.time.Instant> created = sql.list("update ticket_fact set merged_into = ?, open = false where ticket_id = ? "
                + "and merged_into is null returning created_at", rs -> {
                    java.sql.Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }, m.mergedInto(), m.ticketId());
        if (!created.isEmpty() && created.get(0) != null) {
            rollups.add(rollups.day(created.get(0)), TICKETS_CREATED, -1);
        }
    }

    private void ensureTicket(String ticketId, String customerId, String orderId, ContactReason reason) {
        sql.update("insert into ticket_fact (ticket_id, customer_id, order_id, reason, open) values (?, ?, ?, ?, false) "
                + "on conflict (ticket_id) do update set customer_id = coalesce(ticket_fact.customer_id, excluded.customer_id), "
                + "order_id = coalesce(ticket_fact.order_id, excluded.order_id)", ticketId, customerId, orderId, reason);
    }
}
