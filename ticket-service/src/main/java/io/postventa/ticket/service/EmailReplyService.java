package io.postventa.ticket.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ReplyAddress;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.MessageKind;
import io.postventa.ticket.domain.OrderView;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketAttachment;
import io.postventa.ticket.domain.TicketStatus;
import io.postventa.ticket.service.ContactService.ContactCommand;
import io.postventa.ticket.service.ContactService.ContactResult;
import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * A customer's e-mail to the support mailbox becomes a contact: on the ticket its reply address names when the
 * sender is that ticket's customer (joining it, reopening it when solved), about the order its address names when
 * the sender is that order's customer, and otherwise a new contact from the sender. Each e-mail is taken once: its
 * key is recorded in the same transaction as the contact, so a crash before the mailbox is told leaves nothing twice.
 */
@ApplicationScoped
public class EmailReplyService {

    /** A file attached to the e-mail; {@code content} is null when it was too large to read. */
    public record IncomingFile(String fileName, String contentType, long size, byte[] content) {
    }

    /**
     * An e-mail as read from the mailbox: a key unique to it (a hash of its Message-ID), its sender, every address
     * it was sent to, its subject, what the customer wrote (quoted history already stripped) and its files.
     */
    public record InboundEmail(String key, String from, List<String> recipients, String subject, String text,
            List<IncomingFile> files) {
    }

    /** What became of an e-mail: its contact and ticket, or nothing when it had been taken before. */
    public record Result(boolean duplicate, UUID contactId, UUID ticketId, boolean onNamedTicket, int filesKept,
            int filesDropped) {
    }

    private static final int MAX_MERGE_HOPS = 10;

    private final ContactService contacts;
    private final TicketService tickets;
    private final TicketConfig config;
    private final Texts texts;
    private final EntityManager em;

    public EmailReplyService(ContactService contacts, TicketService tickets, TicketConfig config, Texts texts,
            EntityManager em) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.config = config;
        this.texts = texts;
        this.em = em;
    }

    @Transactional
    public Result receive(InboundEmail mail) {
        int claimed = em.createNativeQuery("insert into inbound_email (message_key, received_at) values (?1, ?2)"
                + " on conflict do nothing").setParameter(1, mail.key()).setParameter(2, tickets.now()).executeUpdate();
        if (claimed == 0) {
            return new Result(true, null, null, false, 0, 0);
        }
        String from = mail.from() == null ? null : mail.from().trim();
        Customer sender = from == null ? null : Customer.<Customer>find("lower(email) = ?1 and erased = false",
                from.toLowerCase(Locale.ROOT)).firstResult();
        Optional<ReplyAddress.Subject> named = new ReplyAddress(config.mail().address()).find(mail.recipients());
        Ticket ticket = null;
        String orderId = null;
        String customerId = null;
        if (named.isPresent() && named.get().kind() == ReplyAddress.Kind.TICKET) {
            Ticket t = live(named.get().id());
            if (t != null && isCustomerOf(t, sender, from)) {
                customerId = t.customerId;
                orderId = t.orderId;
                // a closed ticket takes no more messages: the reply is a new contact about its order
                ticket = t.status() == TicketStatus.CLOSED ? null : t;
            }
        } else if (named.isPresent()) {
            OrderView order = OrderView.findById(named.get().id());
            if (order != null && sender != null && sender.id.equals(order.customerId)) {
                customerId = sender.id;
                orderId = order.orderId;
            }
        }
        String text = mail.text() == null ? "" : mail.text();
        int max = config.contacts().maxMessageLength();
        ContactResult result = contacts.receive(new ContactCommand(ContactChannel.EMAIL, customerId, from, null,
                orderId, truncate(mail.subject(), 300), text.length() > max ? text.substring(0, max) : text, null, null,
                customerId != null ? customerId : sender != null ? sender.id : "email", null,
                ticket == null ? null : ticket.id));
        Ticket landed = Ticket.findById(result.ticketId());
        int[] kept = keepFiles(landed, result.contactId(), mail.files());
        em.createNativeQuery("update inbound_email set ticket_id = ?1 where message_key = ?2")
                .setParameter(1, landed.id).setParameter(2, mail.key()).executeUpdate();
        return new Result(false, result.contactId(), landed.id, ticket != null && ticket.id.equals(landed.id), kept[0],
                kept[1]);
    }

    /**
     * The ticket of that id, or the one it was merged into; null when there is none. Locked as it is read, as an
     * agent's change does, so the reply is applied to the ticket as it is now.
     */
    private static Ticket live(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Ticket t = Ticket.findById(uuid, LockModeType.PESSIMISTIC_WRITE);
        for (int hop = 0; t != null && t.mergedInto != null && hop < MAX_MERGE_HOPS; hop++) {
            t = Ticket.findById(t.mergedInto, LockModeType.PESSIMISTIC_WRITE);
        }
        return t == null || t.mergedInto != null ? null : t;
    }

    /** The sender is the ticket's customer: their e-mail as customers.v1 has it, or the ticket's own contact e-mail. */
    private static boolean isCustomerOf(Ticket t, Customer sender, String from) {
        if (t.customerId != null) {
            return sender != null && sender.id.equals(t.customerId);
        }
        return from != null && t.email != null && t.email.equalsIgnoreCase(from);
    }

    /** Keeps the files within the limits (count, size) with the message; a note on the ticket names each dropped. */
    private int[] keepFiles(Ticket ticket, UUID messageId, List<IncomingFile> files) {
        int kept = 0;
        int dropped = 0;
        long maxSize = config.mail().maxAttachmentSize().asLongValue();
        for (IncomingFile file : files) {
            Map<String, String> values = new HashMap<>();
            values.put("fileName", file.fileName());
            if (kept >= config.mail().maxAttachments()) {
                values.put("limit", Integer.toString(config.mail().maxAttachments()));
                note(ticket, "note.attachment-too-many", values);
                dropped++;
            } else if (file.content() == null || file.size() > maxSize) {
                values.put("size", file.size() < 0 ? "?" : bytes(file.size()));
                values.put("limit", bytes(maxSize));
                note(ticket, "note.attachment-too-large", values);
                dropped++;
            } else {
                TicketAttachment a = new TicketAttachment();
                a.id = UUID.randomUUID();
                a.messageId = messageId;
                a.fileName = truncate(file.fileName(), 255);
                a.contentType = file.contentType();
                a.sizeBytes = file.content().length;
                a.content = file.content();
                a.createdAt = tickets.now();
                a.persist();
                kept++;
            }
        }
        return new int[] {kept, dropped};
    }

    private void note(Ticket ticket, String key, Map<String, String> values) {
        tickets.addMessage(ticket, MessageKind.SYSTEM, "system", texts.get(ticket.language, key, values), null, null,
                null, null, null);
    }

    /** A size as people read it: 812 B, 64 KB, 5.2 MB. */
    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return (size + 1023) / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
