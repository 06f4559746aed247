package io.postventa.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.feedback.api.DashboardTexts;
import io.postventa.feedback.service.AlertTexts;
import io.postventa.feedback.service.SurveyTexts;

/** Every language of the dashboard and of the survey page has every text, and each is its own. */
class TextBundlesTest {
    private final DashboardTexts dashboard = new DashboardTexts();
    private final SurveyTexts surveys = new SurveyTexts();

    @Test
    void everyLanguageHasEveryTextAndNoOther() {
        assertEquals(Map.of(), dashboard.bundle().missingKeys(), "dashboard texts missing from a language");
        assertEquals(Map.of(), dashboard.bundle().extraKeys(), "dashboard texts Spanish lacks");
        assertEquals(Map.of(), surveys.bundle().missingKeys(), "survey texts missing from a language");
        assertEquals(Map.of(), surveys.bundle().extraKeys(), "survey texts Spanish lacks");
        AlertTexts alerts = new AlertTexts();
        assertEquals(Map.of(), alerts.bundle().missingKeys(), "alert texts missing from a language");
        assertEquals(Map.of(), alerts.bundle().extraKeys(), "alert texts Spanish lacks");
    }

    @Test
    void eachLanguageAsksEverySurveyQuestionInItsOwnWords() {
        for (String language : SurveyTexts.LANGUAGES) {
            for (SurveyTrigger trigger : SurveyTrigger.values()) {
                for (SurveyKind kind : SurveyKind.values()) {
                    if (!language.equals("es")) {
                        assertNotEquals(surveys.question(kind, trigger, "es"), surveys.question(kind, trigger, language),
                                kind + " " + trigger + " in " + language);
                    }
                }
            }
        }
        assertEquals("pt", surveys.language("pt-PT"));
        assertEquals("es", surveys.language("fr-FR"), "a customer whose language is not spoken is asked in Spanish");
    }
}
