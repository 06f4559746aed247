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
        assertFailsNaming(LayerRules::api, "api.ReportResource", "java.sql.Connection");
    }

    @Test
    void aServiceReturningAnApiRecordFailsTheServiceRule() {
        assertFailsNaming(LayerRules::service, "service.ReportService", "tangled.api.ReportView");
    }

    @Test
    void aDomainClassCallingAServiceFailsTheDomainRule() {
        assertFailsNaming(LayerRules::domain, "domain.Report", "tangled.service.ReportService");
    }

    @Test
    void aConsumerCallingAResourceFailsTheMessagingRule() {
        assertFailsNaming(LayerRules::messaging, "messaging.ReportConsumer", "tangled.api.ReportResource");
    }

    /** The rule fails over the tangled fixture, naming the class that breaks it and what it depends on. */
    private static void assertFailsNaming(Function<LayerRules, ArchRule> rule, String offender, String dependency) {
        JavaClasses classes = new ClassFileImporter().importPackages(TANGLED);
        String failure = assertThrows(AssertionError.class, () -> rule.apply(LayerRules.of(TANGLED)).check(classes),
                "the rule passed over the tangled fixture").getMessage();
        assertTrue(failure.contains(offender) && failure.contains(dependency),
                "expected the failure to name " + offender + " and its " + dependency + ", got: " + failure);
    }
}
