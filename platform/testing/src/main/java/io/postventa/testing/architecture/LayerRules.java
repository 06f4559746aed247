package io.postventa.testing.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules every service keeps (CONTRIBUTING.md, "Layers inside a service"), for the service whose classes
 * live under {@code rootPackage}: {@code api} calls {@code service} and touches no persistence; {@code service}
 * never reaches up into {@code api} or {@code messaging}; {@code domain} is plain Java; {@code messaging} parses,
 * dedupes and calls a use case. A service's {@code LayerRulesTest} runs them over its main classes:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; layersKeepTheirRules() {
 *     return LayerRules.of("io.postventa.returns").tests();
 * }
 * </pre>
 */
public final class LayerRules {
    /** An entity is persistence itself: what api and messaging must not hold (they get records from service). */
    private static final DescribedPredicate<JavaClass> ENTITY =
            annotatedWith("jakarta.persistence.Entity").<JavaClass>forSubtype().as("entities");
    /** Database access of any kind: JPA, Hibernate, Panache, JDBC, transactions. */
    private static final DescribedPredicate<JavaClass> PERSISTENCE = resideInAnyPackage(
            "jakarta.persistence..", "javax.persistence..", "org.hibernate..", "io.quarkus.hibernate..",
            "io.quarkus.panache..", "java.sql..", "javax.sql..", "io.agroal..", "jakarta.transaction..",
            "io.quarkus.narayana..")
            .as("persistence (JPA, Hibernate, Panache, JDBC, transactions)");

    private final String root;

    private LayerRules(String rootPackage) {
        this.root = rootPackage;
    }

    /** The rules for the service whose packages are {@code rootPackage.api}, {@code .service}, and so on. */
    public static LayerRules of(String rootPackage) {
        return new LayerRules(rootPackage);
    }

    /** {@code api}: resources and request/response records that call {@code service}, never the database. */
    public ArchRule api() {
        return noClasses().that().resideInAPackage(layer("api"))
                .should().dependOnClassesThat(PERSISTENCE.or(ENTITY))
                .as("api holds resources and request/response records only: no EntityManager, Panache, JDBC,"
                        + " Hibernate, transaction or entity")
                .because("a resource calls a use case or a query in service, which returns records");
    }

    /** {@code service}: use cases and queries, called from above, never calling up. */
    public ArchRule service() {
        return noClasses().that().resideInAPackage(layer("service"))
                .should().dependOnClassesThat(resideInAnyPackage(layer("api"), layer("messaging")))
                .as("service does not depend on api or messaging")
                .because("resources and consumers call use cases; the records a query returns live in service");
    }

    /** {@code domain}: entities and rules as plain Java; an entity may extend Panache's entity base. */
    public ArchRule domain() {
        DescribedPredicate<JavaClass> framework = resideInAnyPackage("io.quarkus..", "jakarta.enterprise..",
                "jakarta.inject..", "jakarta.ws.rs..", "jakarta.transaction..", "org.eclipse.microprofile..",
                "io.smallrye..", "io.vertx..", "io.postventa.outbox..", "io.postventa.web..")
                .and(DescribedPredicate.not(resideInAnyPackage("io.quarkus.hibernate.orm.panache..",
                        "io.quarkus.panache.common..")));
        return noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat(resideInAnyPackage(layer("service"), layer("api"), layer("messaging"))
                        .or(framework))
                .as("domain does not depend on service, api, messaging or the Quarkus runtime (CDI, REST,"
                        + " messaging, transactions); an entity may extend PanacheEntityBase")
                .because("entities and rules are plain Java, unit-testable without Quarkus");
    }

    /** {@code messaging}: consumers that parse, dedupe and call a use case. */
    public ArchRule messaging() {
        return noClasses().that().resideInAPackage(layer("messaging"))
                .should().dependOnClassesThat(resideInAPackage(layer("api")).or(PERSISTENCE).or(ENTITY))
                .as("messaging does not depend on api, persistence or entities")
                .because("a consumer parses, dedupes and calls a use case in service; nothing else");
    }

    /** Every rule, in the order of the layers. */
    public List<ArchRule> all() {
        return List.of(api(), service(), domain(), messaging());
    }

    /** One test per rule over the service's main classes (not its tests), each named by its rule. */
    public Stream<DynamicTest> tests() {
        JavaClasses classes = mainClasses();
        return all().stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** The service's own classes, without its tests. */
    public JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    private String layer(String name) {
        return root + "." + name + "..";
    }
}
