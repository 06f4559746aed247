package io.postventa.feedback.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.postventa.events.notifications.NotificationSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What followed a message sent with a template variant: a contact about the same order within
 * {@link #CONTACT_WINDOW} of sending (the message did not prevent the question), the customer's CSAT about that
 * order, a visit through the message's portal link and an unsubscribe through its link. Either may arrive first; each
 * message counts once for each, on the day it was sent.
 */
@ApplicationScoped
public class VariantFacts {
    /** A contact this long after a message, about the same order, counts against the message. */
    public static final Duration CONTACT_WINDOW = Duration.ofDays(7);

    /** What a customer did with a message's links, and where each is kept. */
    public enum LinkAction {
        PORTAL_VISIT("portal_visited_at", "portal_visits"), UNSUBSCRIBE("unsubscribed_at", "unsubscribes");

        final String factColumn;
        final String rollupColumn;

        LinkAction(String factColumn, String rollupColumn) {
            this.factColumn = factColumn;
            this.rollupColumn = rollupColumn;
        }
    }

    private record Sent(Instant at, String templateId, String variant) {
        static Sent of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Sent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3));
        }
    }

    private final Sql sql;
    private final Rollups rollups;

    public VariantFacts(Sql sql, Rollups rollups) {
        this.sql = sql;
        this.rollups = rollups;
    }

    /** A message sent: counted once, and at once as contacted when a contact about its order already came in the window. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(NotificationSent n) {
        if (n.variant() == null || n.templateId() == null) {
            return;
        }
        if (sql.update("insert into notification_fact (notification_id, customer_id, order_id, template_id, variant, sent_at) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (notification_id) do nothing", n.notificationId(), n.customerId(),
                n.orderId(), n.templateId(), n.variant(), n.occurredAt()) == 0) {
            return;
        }
        var day = rollups.day(n.occurredAt());
        rollups.variant(day, n.templateId(), n.variant(), "sent", 1);
        // a link's use told before the message was (a replay): counted now that the message's day and variant are known
        for (String action : sql.list("select action from notification_link_fact where notification_id = ?", rs -> rs.getString(1),
                n.notificationId())) {
            LinkAction a = LinkAction.valueOf(action);
            sql.update("update notification_fact set " + a.factColumn + " = l.occurred_at from notification_link_fact l "
                    + "where notification_fact.notification_id = ? and l.notification_id = notification_fact.notification_id "
                    + "and l.action = ?", n.notificationId(), action);
            rollups.variant(day, n.templateId(), n.variant(), a.rollupColumn, 1);
        }
        if (n.orderId() == null) {
            return;
        }
        rollups.variant(day, n.templateId(), n.variant(), "with_order", 1);
        lockOrder(n.orderId());
        List<Instant> contacted = sql.list("update notification_fact set contacted_at = c.at from (select min(received_at) at "
                + "from contact_fact where order_id = ? and received_at > ? and received_at <= ?) c where notification_id = ? "
                + "and c.at is not null and contacted_at is null returning contacted_at", rs -> rs.getTimestamp(1).toInstant(),
                n.orderId(), n.occurredAt(), n.occurredAt().plus(CONTACT_WINDOW), n.notificationId());
        if (!contacted.isEmpty()) {
            rollups.variant(day, n.templateId(), n.variant(), "contacted_7d", 1);
        }
    }

    /**
     * A message's link used (its portal link opened, or unsubscribed through it): counted once per message and action,
     * however often it is told, on the day the message was sent; kept until the message is told when it comes first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkUsed(String notificationId, LinkAction action, Instant at) {
        if (sql.update("insert into notification_link_fact (notification_id, action, occurred_at) values (?, ?, ?) "
                + "on conflict (notification_id, action) do nothing", notificationId, action.name(), at) == 0) {
            return;
        }
        for (Sent s : sql.list("update notification_fact set " + action.factColumn + " = ? where notification_id = ? and "
                + action.factColumn + " is null returning sent_at, template_id, variant", Sent::of, at, notificationId)) {
            rollups.variant(rollups.day(s.at()), s.templateId(), s.variant(), action.rollupColumn, 1);
        }
    }

    /** A contact about an order: every message about it sent in the window before counts as not having prevented it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contacted(String orderId, Instant at) {
        lockOrder(orderId);
        for (Sent s : sql.list("update notification_fact set contacted_at = ? where order_id = ? and contacted_at is null "
                + "and sent_at < ? and sent_at >= ? returning sent_at, template_id, variant", Sent::of, at, orderId, at,
                at.minus(CONTACT_WINDOW))) {
            rollups.variant(rollups.day(s.at()), s.templateId(), s.variant(), "contacted_7d", 1);
        }
    }

    /**
     * A message and a contact about the same order may be applied at once by two consumers: each writes its own fact
     * and then looks for the other's, which it cannot see before that transaction commits, so both would miss. Holding
     * this lock while looking makes the second wait for the first's commit and see its fact. (Taken last in the
     * contact's transaction: a deadlock with the notifications' batch is possible across days; it is retried.)
     */
    private void lockOrder(String orderId) {
        sql.one("select pg_advisory_xact_lock(hashtextextended(?, 31))", rs -> Boolean.TRUE, "variant-order:" + orderId);
    }

    /** A CSAT answer about an order: the customer's messages about it sent before count it once each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void csat(String orderId, String customerId, int score, boolean satisfied, Instant at) {
        if (orderId == null) {
            return;
        }
        for (Sent s : sql.list("update notification_fact set csat_score = ? where order_id = ? and customer_id = ? "
                + "and csat_score is null and sent_at < ? returning sent_at, template_id, variant", Sent::of, score, orderId,
                customerId, at)) {
            var day = rollups.day(s.at());
            rollups.variant(day, s.templateId(), s.variant(), "csat_answers", 1);
            rollups.variant(day, s.templateId(), s.variant(), "csat_satisfied", satisfied ? 1 : 0);
            rollups.variant(day, s.templateId(), s.variant(), "csat_score_sum", score);
        }
    }
}
