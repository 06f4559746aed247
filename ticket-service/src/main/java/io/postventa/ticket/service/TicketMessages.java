package io.postventa.ticket.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketMessageKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A ticket's conversation: the messages added to it, and the channel a reply to the customer goes out on. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketMessages {
    private final Clock clock;

    public TicketMessages(Clock clock) {
        this.clock = clock;
    }

    /** Adds a message to the conversation. */
    public TicketMessage add(Ticket t, TicketMessageKind kind, String author, String body, String channel,
            String subject, String ivrOption, String procedureId, String idempotencyKey) {
        return add(UUID.randomUUID(), t, kind, author, body, channel, subject, ivrOption, procedureId, idempotencyKey);
    }

    /** Adds a message with a known id (a contact whose id was already announced). */
    public TicketMessage add(UUID id, Ticket t, TicketMessageKind kind, String author, String body, String channel,
            String subject, String ivrOption, String procedureId, String idempotencyKey) {
        TicketMessage m = new TicketMessage();
        m.id = id;
        m.ticketId = t.id;
        m.kind = kind;
        m.author = author;
        m.body = body;
        m.channel = channel;
        m.subject = subject;
        m.ivrOption = ivrOption;
        m.procedureId = procedureId;
        m.idempotencyKey = idempotencyKey;
        m.createdAt = clock.instant();
        m.persist();
        t.updatedAt = m.createdAt;
        return m;
    }

    /** A line only agents see, written by {@code author} (a person, or "system"): a change, a note on the ticket. */
    public TicketMessage system(Ticket t, String author, String body) {
        return add(t, TicketMessageKind.SYSTEM, author, body, null, null, null, null, null);
    }

    /** The channel of the customer's latest contact on the ticket (the one a reply answers), else the ticket's. */
    public ContactChannel answeredChannel(Ticket t) {
        List<String> latest = Ticket.getEntityManager().createQuery("select m.channel from TicketMessage m"
                + " where m.ticketId = :ticket and m.kind = :kind and m.channel is not null"
                + " order by m.createdAt desc, m.id desc", String.class)
                .setParameter("ticket", t.id).setParameter("kind", TicketMessageKind.CUSTOMER).setMaxResults(1)
                .getResultList();
        String channel = latest.isEmpty() ? t.channel : latest.get(0);
        return channel == null ? null : ContactChannel.valueOf(channel);
    }
}
