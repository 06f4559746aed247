package io.postventa.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.feedback.service.CustomerFacts;
import io.postventa.feedback.service.FeedbackErasure;
import io.postventa.feedback.service.Sql;
import io.postventa.testing.PostventaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The language a customer's surveys go out in follows the latest event that tells it, and stops at an erasure. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class CustomerLocaleTest {
    @Inject
    CustomerFacts customers;
    @Inject
    FeedbackErasure erasure;
    @Inject
    Sql sql;

    private void remember(String customer, String locale) {
        QuarkusTransaction.requiringNew().run(() -> customers.rememberLocale(customer, locale));
    }

    private String locale(String customer) {
        return sql.one("select locale from customer_profile where customer_id = ?", rs -> rs.getString(1), customer)
                .orElse("no profile");
    }

    /**
     * The transactions that last wrote (xmin) and last locked or deleted (xmax) the customer's profile: either changes
     * when a transaction writes the row or only locks it.
     */
    private String version(String customer) {
        return sql.one("select xmin::text || '/' || xmax::text from customer_profile where customer_id = ?",
                rs -> rs.getString(1), customer).orElseThrow();
    }

    @Test
    void aNewCustomersLocaleIsKeptAndAChangedOneReplacesIt() {
        String customer = "CUST-" + UUID.randomUUID();
        remember(customer, "es-ES");
        assertEquals("es-ES", locale(customer));
        remember(customer, "pt-PT");
        assertEquals("pt-PT", locale(customer));
    }

    @Test
    void theSameLocaleAgainNeitherWritesNorLocksTheProfile() {
        String customer = "CUST-" + UUID.randomUUID();
        remember(customer, "en-GB");
        String before = version(customer);
        remember(customer, "en-GB");
        assertEquals(before, version(customer), "an unchanged locale must neither write nor lock the row");
    }

    @Test
    void anErasedCustomerGetsNoLocaleBack() {
        String customer = "CUST-" + UUID.randomUUID();
        remember(customer, "es-ES");
        QuarkusTransaction.requiringNew().run(() -> erasure.erase(customer));
        remember(customer, "en-GB");
        assertEquals("(none)", sql.one("select coalesce(locale, '(none)') from customer_profile where customer_id = ? "
                + "and erased_at is not null", rs -> rs.getString(1), customer).orElseThrow(),
                "an erased customer's locale stays empty");
    }
}
