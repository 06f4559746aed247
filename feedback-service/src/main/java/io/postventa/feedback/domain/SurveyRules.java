package io.postventa.feedback.domain;

import io.postventa.events.feedback.SurveyKind;

/** Score scales and what a score means: NPS 0-10 (promoter 9-10, detractor 0-6), CSAT 1-5 (satisfied 4-5, unhappy 1-2). */
public final class SurveyRules {
    private SurveyRules() {
    }

    public static int min(SurveyKind kind) {
        return kind == SurveyKind.NPS ? 0 : 1;
    }

    public static int max(SurveyKind kind) {
        return kind == SurveyKind.NPS ? 10 : 5;
    }

    public static boolean inRange(SurveyKind kind, int score) {
        return score >= min(kind) && score <= max(kind);
    }

    /** An answer that publishes feedback.detractor: NPS 0-6 or CSAT 1-2. */
    public static boolean detractor(SurveyKind kind, int score) {
        return kind == SurveyKind.NPS ? score <= 6 : score <= 2;
    }

    /** CSAT 1-2 must say why. */
    public static boolean lowScoreReasonRequired(SurveyKind kind, int score) {
        return kind == SurveyKind.CSAT && score <= 2;
    }

    /** An answer that recovers the customer's earlier detractor answers: NPS 7+ or CSAT 4+. */
    public static boolean recovers(SurveyKind kind, int score) {
        return kind == SurveyKind.NPS ? score >= 7 : score >= 4;
    }

    public static boolean promoter(SurveyKind kind, int score) {
        return kind == SurveyKind.NPS && score >= 9;
    }

    /** CSAT 4-5 counts as satisfied (the CSAT score is their share). */
    public static boolean satisfied(SurveyKind kind, int score) {
        return kind == SurveyKind.CSAT && score >= 4;
    }
}
