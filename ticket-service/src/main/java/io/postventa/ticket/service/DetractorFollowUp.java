package io.postventa.ticket.service;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.FeedbackDetractor;
import io.postventa.outbox.inbox.IncomingEvent;
import io.postventa.ticket.domain.Customer;
import io.postventa.web.Texts;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** An unhappy customer from feedback.v1 is called back: a recovery ticket, or a note on the order's open one. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DetractorFollowUp {
    private final TicketOpening opening;
    private final TicketMessages messages;
    private final Texts texts;

    public DetractorFollowUp(TicketOpening opening, TicketMessages messages, Texts texts) {
        this.opening = opening;
        this.messages = messages;
        this.texts = texts;
    }

    /**
     * A detractor answer opens a recovery ticket (or adds a note to the open ticket of the same order), so an
     * agent calls the customer back.
     */
    public void onFeedback(IncomingEvent event) {
        if (event.type() != EventType.FEEDBACK_DETRACTOR) {
            return;
        }
        FeedbackDetractor d = event.data(FeedbackDetractor.class);
        FeedbackContext context = d.context();
        String orderId = context == null ? null : context.orderId();
        Customer customer = Customer.findById(d.customerId());
        String language = customer != null && customer.language != null ? customer.language
                : d.locale() != null ? d.locale().substring(0, 2).toLowerCase(Locale.ROOT) : null;
        Map<String, String> values = new HashMap<>();
        values.put("kind", String.valueOf(d.kind()));
        values.put("score", String.valueOf(d.score()));
        values.put("surveyId", d.surveyId());
        values.put("reason", d.lowScoreReason() == null ? null : String.valueOf(d.lowScoreReason()));
        String note = texts.get(language, d.lowScoreReason() == null ? "note.detractor" : "note.detractor-reason",
                values);
        if (orderId != null) {
            opening.lockOrder(orderId);
            Ticket open = Ticket.find("orderId = ?1 and mergedInto is null and status in " + TicketSql.ACTIVE_LITERALS
                    + " order by createdAt", orderId).firstResult();
            if (open != null) {
                messages.system(open, "system", note);
                return;
            }
        }
        ContactReason reason = context == null ? ContactReason.OTHER
                : context.returnReason() != null || context.returnId() != null ? ContactReason.RETURN_REQUEST
                : Boolean.TRUE.equals(context.delayed()) ? ContactReason.WHERE_IS_MY_ORDER
                : context.ticketReason() != null ? context.ticketReason() : ContactReason.OTHER;
        Ticket t = opening.open(new TicketOpening.NewTicket(reason, ReasonSource.SYSTEM, null,
                TicketOrigin.FEEDBACK_DETRACTOR, d.customerId(), customer == null ? null : customer.email,
                customer == null ? null : customer.phone, orderId, note, language), null);
        messages.system(t, "system", note);
    }
}
