package io.postventa.events.feedback;

/** Survey types. */
public enum SurveyKind {
    /** Net Promoter Score: 0 to 10. */
    NPS,
    /** Customer satisfaction: 1 to 5. */
    CSAT
}
