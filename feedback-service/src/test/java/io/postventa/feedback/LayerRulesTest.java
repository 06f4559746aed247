package io.postventa.feedback;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of this service keep the rules every service keeps (CONTRIBUTING.md, "Layers inside a service"):
 * {@code api} runs no persistence and holds no entity, {@code service} never reaches up into {@code api} or
 * {@code messaging}, {@code domain} is plain Java, {@code messaging} parses, dedupes and calls a use case. The rules
 * are written out here until platform/testing's shared {@code LayerRules} replaces them; this service adds its JDBC
 * helper, {@code service.Sql}, to what api and messaging must not touch.
 */
class LayerRulesTest {
    private static final String ROOT = "io.postventa.feedback";
    /** An entity is persistence itself: what api and messaging must not hold (they get records from service). */
    private static final DescribedPredicate<JavaClass> ENTITY =
            annotatedWith("jakarta.persistence.Entity").<JavaClass>forSubtype().as("entities");
    /** Database access of any kind: JPA, Hibernate, Panache, JDBC, transactions. */
    private static final DescribedPredicate<JavaClass> PERSISTENCE = resideInAnyPackage(
            "jakarta.persistence..", "javax.persistence..", "org.hibernate..", "io.quarkus.hibernate..",
            "io.quarkus.panache..", "java.sql..", "javax.sql..", "org.postgresql..", "io.agroal..",
            "jakarta.transaction..", "io.quarkus.narayana..")
            .as("persistence (JPA, Hibernate, Panache, JDBC, transactions)");
    /** This service's JDBC helper: whoever holds it runs SQL, whatever package it sits in. */
    private static final DescribedPredicate<JavaClass> SQL_HELPER =
            nameMatching("io\\.postventa\\.feedback\\.service\\.Sql(\\$.*)?").<JavaClass>forSubtype()
                    .as("the service's SQL helper (Sql)");
    /** The Quarkus runtime a domain class must not need (an entity may still extend Panache's base). */
    private static final DescribedPredicate<JavaClass> RUNTIME = resideInAnyPackage("io.quarkus..",
            "jakarta.enterprise..", "jakarta.inject..", "jakarta.ws.rs..", "jakarta.transaction..",
            "org.eclipse.microprofile..", "io.smallrye..", "io.vertx..", "io.postventa.outbox..", "io.postventa.web..")
            .and(DescribedPredicate.not(resideInAnyPackage("io.quarkus.hibernate.orm.panache..",
                    "io.quarkus.panache.common..")))
            .as("the Quarkus runtime (CDI, REST, messaging, transactions)");

    static final ArchRule API = noClasses().that().resideInAPackage(layer("api"))
            .should().dependOnClassesThat(PERSISTENCE.or(ENTITY).or(SQL_HELPER))
            .as("api holds resources and request/response records only: no EntityManager, Panache, JDBC,"
                    + " Hibernate, transaction, entity or SQL helper")
            .because("a resource calls a use case or a query in service, which returns records");

    static final ArchRule SERVICE = noClasses().that().resideInAPackage(layer("service"))
            .should().dependOnClassesThat(resideInAnyPackage(layer("api"), layer("messaging")))
            .as("service does not depend on api or messaging")
            .because("resources and consumers call use cases; the records a query returns live in service");

    static final ArchRule DOMAIN = noClasses().that().resideInAPackage(layer("domain"))
            .should().dependOnClassesThat(resideInAnyPackage(layer("service"), layer("api"), layer("messaging"))
                    .or(RUNTIME))
            .as("domain does not depend on service, api, messaging or the Quarkus runtime; an entity may extend"
                    + " PanacheEntityBase")
            .because("entities and rules are plain Java, unit-testable without Quarkus");

    static final ArchRule MESSAGING = noClasses().that().resideInAPackage(layer("messaging"))
            .should().dependOnClassesThat(resideInAPackage(layer("api")).or(PERSISTENCE).or(ENTITY).or(SQL_HELPER))
            .as("messaging does not depend on api, persistence, entities or the SQL helper")
            .because("a consumer parses, dedupes and calls a use case in service; nothing else");

    @TestFactory
    Stream<DynamicTest> layersKeepTheirRules() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        return List.of(API, SERVICE, DOMAIN, MESSAGING).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    private static String layer(String name) {
        return ROOT + "." + name + "..";
    }
}
