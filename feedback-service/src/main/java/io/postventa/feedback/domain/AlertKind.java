package io.postventa.feedback.domain;

/** Why an alert was raised. The ticket ones go to the ticket's team lead; the rate ones to the managers. */
public enum AlertKind {
    /** A ticket's SLA target falls due soon and is not met yet. */
    SLA_AT_RISK,
    /** A ticket missed an SLA target (ticket.sla-breached). */
    SLA_BREACHED,
    /** The order defect rate over the trailing window went above its threshold. */
    ORDER_DEFECT_RATE,
    /** The share of first responses within 24 h over the trailing window went below its threshold. */
    ANSWER_RATE_24H;

    /** A cause names what raised the alert; one alert per cause, whatever is redelivered or checked again. */
    public String cause(String... parts) {
        return name() + ":" + String.join(":", parts);
    }

    public boolean aboutATicket() {
        return this == SLA_AT_RISK || this == SLA_BREACHED;
    }
}
