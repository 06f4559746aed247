package io.postventa.ticket.service;

import java.time.Clock;
import java.util.Locale;

import io.postventa.events.customers.CustomerUpserted;
import io.postventa.outbox.inbox.IncomingEvent;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.KnownOrder;
import io.postventa.ticket.domain.Phones;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketMessageKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Customers' contact data from customers.v1 (phones in E.164, read in the country their orders go to), for the
 * search and for replies; a tombstone erases it, what the customer wrote and the files they sent. Runs inside the
 * consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KnownCustomers {
    private final Clock clock;
    private final EntityManager em;
    private final TicketConfig config;

    public KnownCustomers(Clock clock, EntityManager em, TicketConfig config) {
        this.clock = clock;
        this.em = em;
        this.config = config;
    }

    public void onCustomer(IncomingEvent event) {
        if (event.tombstone()) {
            erase(event.key());
            return;
        }
        CustomerUpserted c = event.data(CustomerUpserted.class);
        Customer customer = Customer.findById(c.customerId());
        if (customer == null) {
            customer = new Customer();
            customer.id = c.customerId();
        }
        customer.email = c.email();
        // kept in E.164, as the search looks it up, whatever form the platform sent
        customer.phone = Phones.normalize(c.phone(), region(customer));
        customer.firstName = c.firstName();
        customer.lastName = c.lastName();
        customer.language = c.language();
        customer.erased = false;
        customer.updatedAt = c.occurredAt() != null ? c.occurredAt() : clock.instant();
        customer.persist();
    }

    /** The region of the customer's phone numbers written without a country code: their country, else the default. */
    private String region(Customer customer) {
        return customer.country != null ? customer.country : config.phone().defaultRegion();
    }

    /** Where the customer's orders go; a phone number kept as typed may now read in E.164. */
    public void learnCountry(String customerId, String country) {
        Customer customer = Customer.findById(customerId);
        if (customer == null || customer.erased || country.equalsIgnoreCase(customer.country)) {
            return;
        }
        customer.country = country.toUpperCase(Locale.ROOT);
        if (customer.phone != null && !customer.phone.startsWith("+")) {
            customer.phone = Phones.normalize(customer.phone, customer.country);
        }
    }

    /** Right to erasure: contact data, names and what the customer wrote are removed; the ticket facts stay. */
    public void erase(String customerId) {
        if (customerId == null) {
            return;
        }
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            customer = new Customer();
            customer.id = customerId;
        }
        customer.email = null;
        customer.phone = null;
        customer.firstName = null;
        customer.lastName = null;
        customer.country = null;
        customer.erased = true;
        customer.updatedAt = clock.instant();
        customer.persist();
        Ticket.update("email = null, phone = null, subject = null where customerId = ?1", customerId);
        TicketMessage.update("body = '[erased]', subject = null where kind = ?2 and ticketId in "
                + "(select t.id from Ticket t where t.customerId = ?1)", customerId, TicketMessageKind.CUSTOMER);
        KnownOrder.update("city = null where customerId = ?1", customerId);
        // what the customer sent with their e-mails goes with what they wrote
        em.createNativeQuery("delete from ticket_attachment a using ticket_message m, ticket t where a.message_id = m.id"
                + " and m.ticket_id = t.id and m.kind = 'CUSTOMER' and t.customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
    }
}
