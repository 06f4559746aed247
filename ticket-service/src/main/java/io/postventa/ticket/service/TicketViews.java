package io.postventa.ticket.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.Masking;
import io.postventa.ticket.domain.KnownOrder;
import io.postventa.ticket.domain.KnownReturn;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;

/** The records ticket queries and use cases answer with: entities are mapped here and never leave the service. */
public final class TicketViews {
    private TicketViews() {
    }

    /**
     * A ticket in a list. Contact data is masked for partner agents. {@code slaDueAt} is the nearest SLA due time
     * still running (the list's order after the priority).
     */
    public record TicketView(UUID id, String status, String reason, String reasonSource, String priority, String channel,
            String origin, String customerId, String email, String phone, String orderId, String subject,
            String language, String teamId, String agentId, String slaPolicyId, boolean slaPaused,
            Instant firstResponseDueAt, Instant resolutionDueAt, Instant firstResponseAt, boolean firstResponseBreached,
            boolean resolutionBreached, Instant solvedAt, boolean autoSolved, int reopenCount, String procedureId,
            UUID mergedInto, Instant createdAt, Instant updatedAt, Instant slaDueAt) {
    }

    /** One entry of the conversation, with the files that came with it (download: .../attachments/{id}). */
    public record MessageView(UUID id, String kind, String author, String channel, String subject, String body,
            String procedureId, Instant createdAt, List<AttachmentView> attachments) {
    }

    /** A file kept with a message. */
    public record AttachmentView(UUID id, String fileName, String contentType, int size) {
    }

    /** The order as this service knows it from order-status.v1. */
    public record OrderSummary(String orderId, String status, LocalDate promisedDate, String carrier,
            String trackingUrl, boolean delayed, String delayCause, String currency, BigDecimal total, String city,
            String products, Integer purchaseNumber, Instant deliveredAt) {
    }

    /** A return of the order, from the returns topics. */
    public record ReturnSummary(String returnId, String orderId, String state, String outcome, String rmaCode,
            String currency, BigDecimal totalValue) {
    }

    /** A ticket with its order, returns and conversation beside it. */
    public record TicketDetail(TicketView ticket, OrderSummary order, List<ReturnSummary> returns,
            List<MessageView> messages) {
    }

    /** A customer's contact data. */
    public record CustomerView(String customerId, String email, String phone, String firstName, String lastName,
            String language, boolean erased) {
    }

    public static TicketView view(Ticket t, boolean mask) {
        return new TicketView(t.id, t.status().name(), t.reason, t.reasonSource, t.priority, t.channel, t.origin, t.customerId,
                mask ? Masking.email(t.email) : t.email, mask ? Masking.phone(t.phone) : t.phone, t.orderId,
                mask ? Masking.text(t.subject) : t.subject, t.language, t.teamId, t.agentId, t.slaPolicyId,
                t.slaPausedSince != null, t.firstResponseDueAt, t.resolutionDueAt, t.firstResponseAt,
                t.firstResponseBreached, t.resolutionBreached, t.solvedAt, t.autoSolved, t.reopenCount, t.procedureId,
                t.mergedInto, t.createdAt, t.updatedAt, t.nextDueAt());
    }

    public static MessageView view(TicketMessage m, boolean mask) {
        return view(m, mask, List.of());
    }

    public static MessageView view(TicketMessage m, boolean mask, List<AttachmentView> attachments) {
        List<AttachmentView> files = mask ? attachments.stream().map(a -> new AttachmentView(a.id(),
                Masking.text(a.fileName()), a.contentType(), a.size())).toList() : attachments;
        return new MessageView(m.id, m.kind.name(), m.author, m.channel, mask ? Masking.text(m.subject) : m.subject,
                mask ? Masking.text(m.body) : m.body, m.procedureId, m.createdAt, files);
    }

    public static OrderSummary view(KnownOrder o, boolean mask) {
        return o == null ? null : new OrderSummary(o.orderId, o.status == null ? null : o.status.name(), o.promisedDate, o.carrier, o.trackingUrl,
                o.delayed, o.delayCause, o.currency, mask ? null : o.total, o.city, o.products, o.purchaseNumber,
                o.deliveredAt);
    }

    public static ReturnSummary view(KnownReturn r) {
        return new ReturnSummary(r.returnId, r.orderId, r.state == null ? null : r.state.name(), r.outcome, r.rmaCode, r.currency, r.totalValue);
    }

    public static CustomerView view(Customer c, boolean mask) {
        return new CustomerView(c.id, mask ? Masking.email(c.email) : c.email, mask ? Masking.phone(c.phone) : c.phone,
                c.firstName, mask ? Masking.name(c.lastName) : c.lastName, c.language, c.erased);
    }

    /** Whether a message of this kind is shown to the customer. */
    public static boolean isPublic(TicketMessage m) {
        return m.kind.isPublic();
    }
}
