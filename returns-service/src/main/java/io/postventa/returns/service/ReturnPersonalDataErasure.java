package io.postventa.returns.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.postventa.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The right to erasure in this service: a tombstone on {@code customers.v1} removes, from every return of the
 * customer, what they or others wrote about them and the files that carry their details: the return's comment (where
 * customers type addresses and phone numbers), an agent's review note, and a label file a carrier's adapter stored
 * (it prints the sender's address). The return, its lines, reasons, amounts, decision and dates stay: refunds, the
 * risk matrix's history and the KPIs rest on them, and they name no one once the platform has erased the customer.
 * Upserts carry nothing this service keeps. Runs inside the consumer's transaction.
 *
 * <p>Nothing written later brings the data back: the comment is written only when a return is created (the entity
 * never updates it), a label file is stored only while the return is not erased, and a review of an erased return
 * keeps no note.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReturnPersonalDataErasure {
    private static final Logger LOG = Logger.getLogger(ReturnPersonalDataErasure.class);
    private static final String ERASE = """
            update return_request set comment = null, label_pdf = null,
                decision = case when decision::jsonb ->> 'decidedBy' = 'AGENT'
                                then jsonb_set(decision::jsonb, '{note}', 'null'::jsonb)::text else decision end,
                personal_data_erased_at = coalesce(personal_data_erased_at, ?), updated_at = ?
            where customer_id = ?
            """;

    private final DataSource dataSource;
    private final Clock clock;

    public ReturnPersonalDataErasure(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void onCustomer(IncomingEvent event) {
        if (event.tombstone()) {
            erase(event.key());
        }
    }

    /** Erases the personal data of every return of {@code customerId}; returns how many returns it touched. */
    public int erase(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(ERASE)) {
            update.setTimestamp(1, now);
            update.setTimestamp(2, now);
            update.setString(3, customerId);
            int returns = update.executeUpdate();
            // the photos they sent with their returns (V3), which may show their home or face
            try (PreparedStatement photos = connection.prepareStatement("delete from return_photo where customer_id = ?")) {
                photos.setString(1, customerId);
                photos.executeUpdate();
            }
            LOG.infof("erased the personal data of customer %s from %d return(s)", customerId, returns);
            return returns;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase the returns of customer " + customerId + ": " + e.getMessage(), e);
        }
    }
}
