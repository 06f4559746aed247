package io.postventa.feedback.domain;

import java.util.Locale;

/** Why a CSAT answer is low (1 or 2): asked on the survey page, required then, offered as a fixed list. */
public enum LowScoreReason {
    SLOW_RESPONSE("Tardaron demasiado en responder", "It took too long to get an answer"),
    NOT_RESOLVED("No resolvieron mi problema", "My problem was not solved"),
    UNFRIENDLY("El trato no fue amable", "The staff were not friendly"),
    LATE_DELIVERY("El pedido llegó tarde", "The order arrived late"),
    DAMAGED_OR_WRONG_ITEM("El producto llegó dañado o no era el correcto", "The item arrived damaged or was the wrong one"),
    SLOW_REFUND("El reembolso tardó demasiado", "The refund took too long"),
    COMPLICATED_PROCESS("El proceso fue complicado", "The process was complicated"),
    OTHER("Otro motivo", "Another reason");

    private final String spanish;
    private final String english;

    LowScoreReason(String spanish, String english) {
        this.spanish = spanish;
        this.english = english;
    }

    /** The label in the survey's language (Spanish unless it is English). */
    public String label(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en") ? english : spanish;
    }

    /** The reason with this code, or null. */
    public static LowScoreReason parse(String code) {
        for (LowScoreReason r : values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return null;
    }
}
