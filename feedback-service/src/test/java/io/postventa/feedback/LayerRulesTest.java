package io.postventa.feedback;

import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.lang.ArchRule;

import io.postventa.testing.architecture.LayerRules;

/**
 * The layers of this service keep the rules every service keeps (CONTRIBUTING.md, "Layers inside a service"), and
 * one of its own: the read models are plain JDBC through {@code service.Sql}, whose callers run SQL without naming
 * a JDBC type, so api and messaging must not hold it either.
 */
class LayerRulesTest {
    private static final LayerRules RULES = LayerRules.of("io.postventa.feedback");

    static final ArchRule SQL_STAYS_IN_SERVICE = noClasses().that()
            .resideInAnyPackage("io.postventa.feedback.api..", "io.postventa.feedback.messaging..")
            .should().dependOnClassesThat(nameMatching("io\\.postventa\\.feedback\\.service\\.Sql(\\$.*)?"))
            .as("api and messaging do not hold the service's SQL helper (Sql)")
            .because("whoever holds Sql runs SQL; a resource or a consumer calls a use case or a query instead");

    @TestFactory
    Stream<DynamicTest> layersKeepTheirRules() {
        return Stream.concat(RULES.tests(), Stream.of(DynamicTest.dynamicTest(SQL_STAYS_IN_SERVICE.getDescription(),
                () -> SQL_STAYS_IN_SERVICE.check(RULES.mainClasses()))));
    }
}
