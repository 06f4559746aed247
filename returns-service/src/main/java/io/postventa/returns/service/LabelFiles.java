package io.postventa.returns.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The label PDF a {@link LabelProvider} returned at issue, kept in the return's row ({@code label_pdf}) but outside
 * the {@code ReturnRequest} entity, so that loading or changing a return never carries the file.
 */
@ApplicationScoped
public class LabelFiles {
    private final DataSource dataSource;

    public LabelFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the provider's PDF of a return that is already in the database, in the caller's transaction; not for a
     * return whose customer was erased meanwhile (a carrier's label prints the sender's address).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(String returnId, byte[] pdf) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update return_request set label_pdf = case when personal_data_erased_at is null then ? end"
                             + " where return_id = ?")) {
            update.setBytes(1, pdf);
            update.setString(2, returnId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no return " + returnId + " to store its label in");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the label of " + returnId + ": " + e.getMessage(), e);
        }
    }

    /** The provider's PDF of a return, or null when it has none (the built-in provider draws it on download). */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] find(String returnId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select label_pdf from return_request where return_id = ?")) {
            query.setString(1, returnId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the label of " + returnId + ": " + e.getMessage(), e);
        }
    }
}
