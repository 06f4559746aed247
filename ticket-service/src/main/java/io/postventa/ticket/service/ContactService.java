package io.postventa.ticket.service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.outbox.Outbox;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.ContactReasonClassifier;
import io.postventa.ticket.domain.ContactReasonClassifier.Classification;
import io.postventa.ticket.domain.ContactReasonClassifier.OrderContext;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.MessageKind;
import io.postventa.ticket.domain.OrderView;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketStatus;
import io.postventa.ticket.domain.Phones;
import io.postventa.ticket.domain.SlaTargets;
import io.postventa.ticket.domain.WismoReply;
import io.postventa.web.ProblemException;
import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Turns a contact from any channel into a ticket: classifies it, joins the open ticket about the same order (or
 * reopens the solved one) instead of opening a duplicate, answers "where is my order?" by itself when the order's
 * status is known, and publishes contact.received.
 */
@ApplicationScoped
public class ContactService {

    /** A contact as it arrived; {@code asCustomer} is the caller's id when a customer writes for themselves. */
    public record ContactCommand(ContactChannel channel, String customerId, String email, String phone, String orderId,
            String subject, String message, String ivrOption, String asCustomer, String author, String idempotencyKey,
            UUID ticketId) {

        /** A contact that finds its ticket by its order (or opens one). */
        public ContactCommand(ContactChannel channel, String customerId, String email, String phone, String orderId,
                String subject, String message, String ivrOption, String asCustomer, String author,
                String idempotencyKey) {
            this(channel, customerId, email, phone, orderId, subject, message, ivrOption, asCustomer, author,
                    idempotencyKey, null);
        }
    }

    /**
     * What became of the contact. {@code acknowledgement} tells a customer not answered at once when they will be,
     * from the SLA policy's first-response target.
     */
    public record ContactResult(UUID contactId, UUID ticketId, boolean joinedExistingTicket, ContactReason reason,
            ReasonSource reasonSource, String priority, TicketStatus status, String autoReply,
            String acknowledgement) {
    }

    /** The statuses of a ticket a contact can join (active) or reopen (solved), as a literal list for a query. */
    private static final String OPEN_OR_SOLVED = TicketService.literals(Stream.concat(
            TicketService.activeNames().stream(), Stream.of(TicketStatus.SOLVED.name())).toList());

    private final TicketService tickets;
    private final Outbox outbox;
    private final TicketConfig config;
    private final ContactReasonClassifier classifier;
    private final Texts texts;

    public ContactService(TicketService tickets, Outbox outbox, TicketConfig config, ContactReasonClassifier classifier,
            Texts texts) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.config = config;
        this.classifier = classifier;
        this.texts = texts;
    }

    @Transactional
    public ContactResult receive(ContactCommand c) {
        if (c.idempotencyKey() != null) {
            TicketMessage earlier = TicketMessage.find("idempotencyKey", c.idempotencyKey()).firstResult();
            if (earlier != null) {
                return replay(earlier);
            }
        }
        OrderView order = c.orderId() == null ? null : OrderView.findById(c.orderId());
        String customerId = c.asCustomer() != null ? c.asCustomer() : c.customerId();
        if (c.asCustomer() != null && order != null && order.customerId != null
                && !order.customerId.equals(c.asCustomer())) {
            throw ProblemException.notFound("order", c.orderId());
        }
        if (customerId == null && order != null) {
            customerId = order.customerId;
        }
        String typedPhone = Phones.normalize(c.phone(), config.phone().defaultRegion());
        Customer customer = customerId != null ? Customer.findById(customerId) : lookUp(c.email(), typedPhone);
        if (customerId == null && customer != null) {
            customerId = customer.id;
        }
        OrderStatus status = order == null || order.status == null ? null : OrderStatus.valueOf(order.status);
        Classification classification = classifier.classify(c.ivrOption(), c.subject(), c.message(),
                new OrderContext(status, order != null && order.delayed));
        String language = classification.language() != null ? classification.language()
                : customer != null && customer.language != null ? texts.language(customer.language)
                : order != null && order.locale != null ? texts.language(order.locale) : texts.defaultLanguage();
        String email = c.email() != null ? c.email() : customer == null ? null : customer.email;
        String phone = typedPhone != null ? typedPhone : customer == null ? null : customer.phone;

        UUID contactId = UUID.randomUUID();
        tickets.lockOrder(c.orderId());
        Ticket ticket = c.ticketId() != null ? Ticket.findById(c.ticketId(), LockModeType.PESSIMISTIC_WRITE)
                : existingTicket(c.orderId(), customerId);
        boolean joined = ticket != null;
        if (!joined) {
            ticket = tickets.open(new TicketService.NewTicket(classification.reason(), classification.source(),
                    c.channel(), TicketOrigin.CONTACT, customerId, email, phone, c.orderId(), c.subject(), language),
                    contactId);
        } else {
            if (ticket.customerId == null) {
                ticket.customerId = customerId;
            }
            if (ticket.email == null) {
                ticket.email = email;
            }
            if (ticket.phone == null) {
                ticket.phone = phone;
            }
            if (ticket.channel == null) {
                ticket.channel = c.channel().name(); // a proactive ticket learns where the customer writes from
            }
            if (ticket.language == null) {
                ticket.language = language;
            }
        }
        tickets.addMessage(contactId, ticket, MessageKind.CUSTOMER, c.author(), c.message(), c.channel().name(),
                c.subject(), c.ivrOption(), null, c.idempotencyKey());
        outbox.publish(EventType.CONTACT_RECEIVED, ticket.id.toString(), new ContactReceived(ticket.id.toString(),
                contactId.toString(), tickets.now(), c.channel(), classification.reason(), classification.source(),
                customerId, c.orderId(), language, c.ivrOption(), joined), tickets.now());
        if (joined) {
            tickets.customerWrote(ticket);
        }
        String autoReply = null;
        if (!joined && classification.reason() == ContactReason.WHERE_IS_MY_ORDER && config.wismo().autoReply()
                && status != null && status != OrderStatus.EXCEPTION && !order.delayed) {
            // the live status, promised date and tracking link, answered on the channel the customer wrote from
            autoReply = WismoReply.render(texts, language, order.orderId, status, order.promisedDate, order.trackingUrl);
            tickets.reply(ticket, null, autoReply, true, null, c.channel());
            tickets.changeStatus(ticket, config.wismo().autoSolve() ? TicketStatus.SOLVED : TicketStatus.PENDING_CUSTOMER,
                    null, true);
        }
        String acknowledgement = autoReply != null ? null : texts.get(language, "contact.acknowledgement",
                Map.of("firstResponse", SlaTargets.describe(texts, language, tickets.firstResponseTarget(ticket))));
        return new ContactResult(contactId, ticket.id, joined, classification.reason(), classification.source(),
                ticket.priority, ticket.status(), autoReply, acknowledgement);
    }

    /** The open ticket about the same order, else a solved one the contact reopens; never one of another customer. */
    private static Ticket existingTicket(String orderId, String customerId) {
        if (orderId == null) {
            return null;
        }
        // the open and the solved ones in one statement (an order has a handful of tickets): a contact about an
        // order without an open ticket, the common case, cost a second query
        List<Ticket> candidates = Ticket.list("orderId = ?1 and mergedInto is null and status in " + OPEN_OR_SOLVED,
                orderId);
        Ticket open = candidates.stream().filter(t -> t.status().isActive())
                .min(Comparator.comparing((Ticket t) -> t.createdAt))
                .orElseGet(() -> candidates.stream().filter(t -> t.status() == TicketStatus.SOLVED)
                        .max(Comparator.comparing((Ticket t) -> t.solvedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .orElse(null));
        if (open != null && open.customerId != null && customerId != null && !open.customerId.equals(customerId)) {
            return null;
        }
        return open;
    }

    private static Customer lookUp(String email, String phone) {
        if (email != null) {
            Customer byEmail = Customer.find("lower(email) = ?1 and erased = false", email.toLowerCase(Locale.ROOT))
                    .firstResult();
            if (byEmail != null) {
                return byEmail;
            }
        }
        return phone == null ? null : Customer.find("phone = ?1 and erased = false", phone).firstResult();
    }

    private static ContactResult replay(TicketMessage earlier) {
        Ticket ticket = Ticket.findById(earlier.ticketId);
        TicketMessage auto = TicketMessage.find("ticketId = ?1 and kind = 'AUTO_REPLY' order by createdAt", ticket.id)
                .firstResult();
        boolean joined = TicketMessage.count("ticketId = ?1 and kind = 'CUSTOMER' and createdAt < ?2", ticket.id,
                earlier.createdAt) > 0;
        return new ContactResult(earlier.id, ticket.id, joined, ContactReason.valueOf(ticket.reason),
                ReasonSource.valueOf(ticket.reasonSource), ticket.priority, ticket.status(),
                auto == null ? null : auto.body, null);
    }
}
