package io.postventa.ticket.service;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies an operations procedure to a ticket: its canned reply, filled in from the ticket and its order, is sent. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProcedureService {
    private final TicketService tickets;

    public ProcedureService(TicketService tickets) {
        this.tickets = tickets;
    }

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
                : render(procedure, t, language(t, language));
        t.procedureId = procedure.id;
        return tickets.reply(t, agentId, body, false, procedure.id);
    }

    /** The procedure's reply filled in for this ticket, in {@code language} (else the ticket's), not sent. */
    public Draft draft(Ticket t, String procedureId, String language) {
        Procedure procedure = procedure(procedureId);
        String lang = language(t, language);
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

    private static String language(Ticket t, String language) {
        String lang = language != null ? language : t.language != null ? t.language : "es";
        if (!lang.equals("es") && !lang.equals("en")) {
            throw ProblemException.badField("language", "must be es or en");
        }
        return lang;
    }

    private static String render(Procedure procedure, Ticket t, String lang) {
        return Placeholders.render("en".equals(lang) ? procedure.replyEn : procedure.replyEs, values(t, lang));
    }

    private static Map<String, String> values(Ticket t, String lang) {
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
                values.put("promisedDate", o.promisedDate == null ? null : o.promisedDate.format(DateTimeFormatter.ISO_DATE));
                if (o.status != null) {
                    OrderStatus s = OrderStatus.valueOf(o.status);
                    values.put("status", "en".equals(lang) ? WismoReply.english(s) : WismoReply.spanish(s));
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
