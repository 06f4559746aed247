package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketMerged;
import io.postventa.events.contacts.TicketReasonChanged;
import io.postventa.events.contacts.TicketReopened;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.events.returns.ReturnRefunded;
import io.postventa.events.returns.ReturnRequested;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.outbox.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Learns from every topic: keeps the read models (orders, tickets, returns, contacts) that hold surveys back and
 * give answers their context, bumps the KPI rollups once per fact, and schedules surveys at the moments that
 * trigger them. Runs in the consumer's transaction, after the inbox has deduplicated the event.
 */
@ApplicationScoped
public class FactService {
    /** Contact reasons that make an order defective (with delivery exceptions and such returns). */
    static final Set<ContactReason> DEFECT_CONTACTS = Set.of(ContactReason.DAMAGED_ITEM, ContactReason.WRONG_ITEM,
            ContactReason.MISSING_PARTS);
    static final Set<ReturnReason> DEFECT_RETURNS = Set.of(ReturnReason.DAMAGED, ReturnReason.DEFECTIVE,
            ReturnReason.WRONG_ITEM, ReturnReason.MISSING_PARTS);

    private final Sql sql;
    private final Rollups rollups;
    private final SurveyService surveys;
    private final FeedbackConfig config;

    public FactService(Sql sql, Rollups rollups, SurveyService surveys, FeedbackConfig config) {
        this.sql = sql;
        this.rollups = rollups;
        this.surveys = surveys;
        this.config = config;
    }

    // order-status.v1 ---------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void onOrderStatus(IncomingEvent event) {
        if (event.type() == EventType.ORDER_DELAYED) {
            OrderDelayed d = event.data(OrderDelayed.class);
            ensureOrder(d.orderId(), d.customerId());
            sql.update("update order_fact set delayed = true, carrier = coalesce(carrier, ?) where order_id = ?",
                    d.carrier(), d.orderId());
            if (d.cause() == DelayCause.SHIPMENT_EXCEPTION) {
                markDefect(d.orderId());
            }
            rememberLocale(d.customerId(), d.locale());
            return;
        }
        OrderStatusChanged e = event.data(OrderStatusChanged.class);
        ensureOrder(e.orderId(), e.customerId());
        place(e);
        sql.update("update order_fact set status = ?, carrier = coalesce(?, carrier), delivered_at = coalesce(?, delivered_at), "
                + "locale = coalesce(?, locale), customer_id = coalesce(customer_id, ?) where order_id = ?",
                e.newStatus(), e.carrier(), e.deliveredAt(), e.locale(), e.customerId(), e.orderId());
        rememberLocale(e.customerId(), e.locale());
        if (e.newStatus() == OrderStatus.EXCEPTION) {
            markDefect(e.orderId());
        }
        if (e.newStatus() == OrderStatus.DELIVERED && e.customerId() != null) {
            Instant delivered = e.deliveredAt() != null ? e.deliveredAt() : e.occurredAt();
            surveys.schedule(SurveyKind.NPS, SurveyTrigger.ORDER_DELIVERED, e.customerId(), e.orderId(), delivered,
                    delivered.plus(config.surveys().npsAfterDelivery()), e.orderId(), null, null);
        }
    }

    /** The first time an order's placement is known, it counts as an order of its placement day. */
    private void place(OrderStatusChanged e) {
        Instant placedAt = e.placedAt() != null ? e.placedAt() : e.occurredAt();
        LocalDate day = rollups.day(placedAt);
        List<Boolean> placed = sql.list("update order_fact set placed_at = ?, placed_day = ? where order_id = ? "
                + "and placed_day is null returning defect", rs -> rs.getBoolean(1), placedAt, day, e.orderId());
        if (placed.isEmpty()) {
            return;
        }
        rollups.add(day, ORDERS, 1);
        if (placed.get(0)) {
            rollups.add(day, DEFECTIVE_ORDERS, 1);
        }
        long units = 0;
        for (OrderLine line : e.lines() == null ? List.<OrderLine>of() : e.lines()) {
            int quantity = line.quantity() == null ? 1 : line.quantity();
            units += quantity;
            int inserted = sql.update("insert into order_line_fact (order_id, sku, category, quantity) values (?, ?, ?, ?) "
                    + "on conflict (order_id, sku) do nothing", e.orderId(), line.sku(), line.category(), quantity);
            if (inserted == 1) {
                rollups.category(day, line.category(), quantity, 0);
                rollups.sku(day, line.sku(), quantity, 0, 0);
            }
        }
        rollups.add(day, UNITS_ORDERED, units);
        if (e.customerId() != null) {
            surveys.recover(e.customerId(), placedAt);
        }
    }

    private void ensureOrder(String orderId, String customerId) {
        sql.update("insert into order_fact (order_id, customer_id) values (?, ?) on conflict (order_id) do nothing",
                orderId, customerId);
    }

    /** An order becomes defective once; it counts on its placement day (when known, else when it is placed). */
    private void markDefect(String orderId) {
        ensureOrder(orderId, null);
        List<LocalDate> days = sql.list("update order_fact set defect = true where order_id = ? and not defect returning placed_day",
                rs -> Sql.date(rs, "placed_day"), orderId);
        if (!days.isEmpty() && days.get(0) != null) {
            rollups.add(days.get(0), DEFECTIVE_ORDERS, 1);
        }
    }

    private void rememberLocale(String customerId, String locale) {
        if (customerId != null && locale != null) {
            sql.update("insert into customer_profile (customer_id, locale) values (?, ?) on conflict (customer_id) "
                    + "do update set locale = excluded.locale where customer_profile.erased_at is null", customerId, locale);
        }
    }

    // return-requests.v1 and return-decisions.v1 ---------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReturn(IncomingEvent event) {
        switch (event.type()) {
            case RETURN_REQUESTED -> requested(event.data(ReturnRequested.class));
            case RETURN_REFUNDED -> refunded(event.data(ReturnRefunded.class));
            case RETURN_EXCHANGED, RETURN_CREDITED, RETURN_EXPIRED -> {
                ensureReturn(event.key(), null, null);
                sql.update("update return_fact set open = false where return_id = ?", event.key());
            }
            case RETURN_DECIDED -> decided(event.data(ReturnDecided.class));
            default -> ensureReturn(event.key(), null, null);
        }
    }

    private void requested(ReturnRequested r) {
        ReturnReason main = r.lines().stream()
                .max(Comparator.comparingInt((ReturnLine l) -> l.quantity() == null ? 1 : l.quantity()))
                .map(ReturnLine::reason).orElse(null);
        int inserted = sql.update("insert into return_fact (return_id, order_id, customer_id, requested_at, main_reason, open) "
                + "values (?, ?, ?, ?, ?, true) on conflict (return_id) do update set order_id = excluded.order_id, "
                + "customer_id = excluded.customer_id, requested_at = excluded.requested_at, main_reason = excluded.main_reason "
                + "where return_fact.requested_at is null", r.returnId(), r.orderId(), r.customerId(), r.occurredAt(), main);
        if (inserted == 0) {
            return;
        }
        LocalDate day = rollups.day(r.occurredAt());
        rollups.add(day, RETURNS_REQUESTED, 1);
        long units = 0;
        boolean defect = false;
        int lineNo = 0;
        for (ReturnLine line : r.lines()) {
            int quantity = line.quantity() == null ? 1 : line.quantity();
            units += quantity;
            sql.update("insert into return_line_fact (return_id, line_no, sku, category, quantity, reason) values (?, ?, ?, ?, ?, ?) "
                    + "on conflict do nothing", r.returnId(), lineNo++, line.sku(), line.category(), quantity, line.reason());
            rollups.category(day, line.category(), 0, quantity);
            rollups.sku(day, line.sku(), 0, quantity, 0);
            defect |= DEFECT_RETURNS.contains(line.reason());
        }
        rollups.add(day, UNITS_RETURNED, units);
        if (defect) {
            markDefect(r.orderId());
        }
    }

    private void refunded(ReturnRefunded r) {
        ensureReturn(r.returnId(), r.orderId(), r.customerId());
        sql.update("update return_fact set open = false where return_id = ?", r.returnId());
        surveys.schedule(SurveyKind.CSAT, SurveyTrigger.RETURN_REFUNDED, r.customerId(), r.returnId(), r.occurredAt(),
                r.occurredAt().plus(config.surveys().csatAfterReturnRefunded()), r.orderId(), r.returnId(), null);
    }

    private void decided(ReturnDecided d) {
        ensureReturn(d.returnId(), d.orderId(), d.customerId());
        if (d.outcome() == ReturnOutcome.REJECTED) {
            sql.update("update return_fact set open = false where return_id = ?", d.returnId());
        }
        boolean auto = d.outcome() == ReturnOutcome.APPROVED && d.decidedBy() == Decider.RISK_ENGINE;
        if (sql.update("update return_fact set decided = true, decided_at = ?, auto_approved = ? where return_id = ? and not decided",
                d.occurredAt(), auto, d.returnId()) == 1) {
            LocalDate day = rollups.day(d.occurredAt());
            rollups.add(day, RETURNS_DECIDED, 1);
            if (auto) {
                rollups.add(day, RETURNS_AUTO_APPROVED, 1);
            }
        }
    }

    /** A return known only from a later event is kept (not counted as requested) so it can be closed. */
    private void ensureReturn(String returnId, String orderId, String customerId) {
        sql.update("insert into return_fact (return_id, order_id, customer_id, open) values (?, ?, ?, true) "
                + "on conflict (return_id) do nothing", returnId, orderId, customerId);
    }

    // contacts.v1 --------------------------------------------------------------------------------

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
            ensureOrder(c.orderId(), c.customerId());
            List<String> skus = sql.list("select sku from order_line_fact where order_id = ?", rs -> rs.getString(1), c.orderId());
            for (String sku : skus) {
                rollups.sku(day, sku, 0, 0, 1);
                rollups.skuReason(day, sku, c.reason().name());
            }
            if (DEFECT_CONTACTS.contains(c.reason())) {
                markDefect(c.orderId());
            }
        }
        rememberLocale(c.customerId(), c.language());
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
        if (!days.isEmpty() && r.orderId() != null && DEFECT_CONTACTS.contains(r.reason())) {
            markDefect(r.orderId());
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

    // notifications.v1 and customers.v1 ------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void onNotification(IncomingEvent event) {
        if (event.type() == EventType.NOTIFICATION_SENT) {
            NotificationSent n = event.data(NotificationSent.class);
            rollups.add(rollups.day(n.occurredAt()), NOTIFICATIONS, 1);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCustomer(IncomingEvent event) {
        if (event.tombstone()) {
            surveys.erase(event.key());
            return;
        }
        if (event.type() == EventType.CUSTOMER_UPSERTED) {
            CustomerUpserted c = event.data(CustomerUpserted.class);
            rememberLocale(c.customerId(), c.language());
        }
    }
}
