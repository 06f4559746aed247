package io.postventa.ticket.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.events.common.OrderStatus;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.OrderView;
import io.postventa.ticket.domain.Placeholders;
import io.postventa.ticket.domain.Procedure;
import io.postventa.ticket.domain.ReturnView;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.WismoReply;
import io.postventa.web.ProblemException;
import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies an operations procedure to a ticket: its canned reply, filled in from the ticket and its order, is sent. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProcedureService {
    private final TicketService tickets;
    private final Texts texts;
    private final ObjectMapper json;

    public ProcedureService(TicketService tickets, Texts texts, ObjectMapper json) {
        this.tickets = tickets;
        this.texts = texts;
        this.json = json;
    }

    /**
     * Sends the procedure's reply in {@code language} (else the ticket's, else the default language); an explicit
     * language the procedure has no reply in is refused, an implicit one falls back to the default language.
     */
    public TicketMessage apply(Ticket t, String procedureId, String language, String agentId) {
        return apply(t, procedureId, language, null, agentId);
    }

    /**
     * Sends the procedure's reply: {@code editedBody} when the agent changed the draft before sending, else the
     * procedure's reply filled in. Either way the ticket records the procedure.
     */
    public TicketMessage apply(Ticket t, String procedureId, String language, String editedBody, String agentId) {
        Procedure procedure = procedure(procedureId);
        String body = editedBody != null && !editedBody.isBlank() ? editedBody
                : render(procedure, t, language(procedure, t, language));
        t.procedureId = procedure.id;
        return tickets.reply(t, agentId, body, false, procedure.id);
    }

    /** The procedure's reply filled in for this ticket, in {@code language} (else the ticket's), not sent. */
    public Draft draft(Ticket t, String procedureId, String language) {
        Procedure procedure = procedure(procedureId);
        String lang = language(procedure, t, language);
        return new Draft(procedure.id, lang, render(procedure, t, lang));
    }

    /** A procedure's reply filled in for one ticket. */
    public record Draft(String procedureId, String language, String body) {
    }

    private static Procedure procedure(String procedureId) {
        Procedure procedure = procedureId == null ? null : Procedure.findById(procedureId);
        if (procedure == null) {
            throw ProblemException.badField("procedureId", "no such procedure");
        }
        return procedure;
    }

    /**
     * The language to write in: {@code language} when given (refused when the service does not speak it or the
     * procedure has no reply in it), else the ticket's, else the default language or the procedure's first.
     */
    private String language(Procedure procedure, Ticket t, String language) {
        if (language != null && !texts.speaks(language)) {
            throw ProblemException.badField("language", "must be one of " + texts.languages());
        }
        Map<String, String> replies = replies(procedure);
        String lang = language != null ? language : texts.language(t.language);
        if (!replies.containsKey(lang)) {
            if (language != null) {
                throw ProblemException.badField("language", "procedure " + procedure.id + " has no reply in "
                        + language + "; it has " + replies.keySet());
            }
            lang = replies.containsKey(texts.defaultLanguage()) ? texts.defaultLanguage()
                    : replies.keySet().iterator().next();
        }
        return lang;
    }

    private String render(Procedure procedure, Ticket t, String lang) {
        return Placeholders.render(replies(procedure).get(lang), values(t, lang));
    }

    /** The procedure's replies by language, in the order of the service's languages. */
    public Map<String, String> replies(Procedure procedure) {
        Map<String, String> stored;
        try {
            stored = json.readValue(procedure.replies == null ? "{}" : procedure.replies,
                    new TypeReference<Map<String, String>>() {
                    });
        } catch (Exception e) {
            throw new IllegalStateException("procedure " + procedure.id + " has unreadable replies", e);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        texts.languages().forEach(l -> {
            if (stored.containsKey(l)) {
                ordered.put(l, stored.get(l));
            }
        });
        stored.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private Map<String, String> values(Ticket t, String lang) {
        Map<String, String> values = new HashMap<>();
        values.put("ticketId", t.id.toString());
        values.put("orderId", t.orderId);
        if (t.customerId != null) {
            Customer c = Customer.findById(t.customerId);
            if (c != null) {
                values.put("customerName", c.firstName);
            }
        }
        if (t.orderId != null) {
            OrderView o = OrderView.findById(t.orderId);
            if (o != null) {
                values.put("trackingUrl", o.trackingUrl);
                values.put("carrier", o.carrier);
                values.put("promisedDate", o.promisedDate == null ? null : WismoReply.date(texts, lang, o.promisedDate));
                if (o.status != null) {
                    OrderStatus s = OrderStatus.valueOf(o.status);
                    values.put("status", WismoReply.status(texts, lang, s));
                }
            }
            ReturnView r = ReturnView.find("orderId = ?1 and rmaCode is not null order by updatedAt desc", t.orderId)
                    .firstResult();
            if (r != null) {
                values.put("rma", r.rmaCode);
            }
        }
        return values;
    }
}
