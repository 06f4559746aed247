package io.postventa.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules fail where they should and pass where they should, shown on two small fixture services: one built
 * the agreed way, one with a resource that runs SQL and a break of every other rule.
 */
class LayerRulesTest {
    private static final String CLEAN = "io.postventa.testing.architecture.fixture.clean";
    private static final String TANGLED = "io.postventa.testing.architecture.fixture.tangled";

    @Test
    void aServiceBuiltTheAgreedWayKeepsEveryRule() {
        JavaClasses classes = new ClassFileImporter().importPackages(CLEAN);
        assertAll(LayerRules.of(CLEAN).all().stream().map(rule -> () -> rule.check(classes)));
    }

    @Test
    void aResourceThatRunsSqlFailsTheApiRule() {
        String failure = failureOf(LayerRules::api);
        assertTrue(failure.contains("ReportResource") && failure.contains("java.sql.Connection"),
                "expected the api rule to name ReportResource and its java.sql.Connection, got: " + failure);
    }

    @Test
    void aServiceReturningAnApiRecordFailsTheServiceRule() {
        String failure = failureOf(LayerRules::service);
        assertTrue(failure.contains("ReportService") && failure.contains("tangled.api.ReportView"),
                "expected the service rule to name ReportService and the api's ReportView, got: " + failure);
    }

    @Test
    void aDomainClassCallingAServiceFailsTheDomainRule() {
        String failure = failureOf(LayerRules::domain);
        assertTrue(failure.contains("domain.Report") && failure.contains("tangled.service.ReportService"),
                "expected the domain rule to name Report and the ReportService it calls, got: " + failure);
    }

    @Test
    void aConsumerCallingAResourceFailsTheMessagingRule() {
        String failure = failureOf(LayerRules::messaging);
        assertTrue(failure.contains("ReportConsumer") && failure.contains("tangled.api.ReportResource"),
                "expected the messaging rule to name ReportConsumer and the resource it calls, got: " + failure);
    }

    /** The message a rule fails with over the tangled fixture (the test fails if the rule passes). */
    private static String failureOf(Function<LayerRules, ArchRule> rule) {
        JavaClasses classes = new ClassFileImporter().importPackages(TANGLED);
        return assertThrows(AssertionError.class, () -> rule.apply(LayerRules.of(TANGLED)).check(classes),
                "the rule passed over the tangled fixture").getMessage();
    }
}
