package io.postventa.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postventa.devstack.PlatformService;

/**
 * Looks for pieces of a customer's personal data (their e-mail, phone, name, what they wrote) in
 * every text, JSON and array column of every table of a service's database, over JDBC, the way an
 * auditor answering an erasure request would.
 */
public final class PersonalData {
    private static final String COLUMNS = """
            select table_name, column_name from information_schema.columns
            where table_schema = 'public' and table_name <> 'flyway_schema_history'
              and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
            order by table_name, ordinal_position
            """;

    private PersonalData() {
    }

    /** The {@code table.column}s of the service's database holding any of the values. */
    public static List<String> foundIn(Platform platform, PlatformService service, List<String> values) {
        try (Connection c = platform.connect(service)) {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(COLUMNS); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<String> found = new ArrayList<>();
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                for (String column : table.getValue()) {
                    String sql = "select count(*) from \"" + table.getKey() + "\" where "
                            + String.join(" or ", values.stream().map(v -> "position(? in \"" + column + "\"::text) > 0").toList());
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        for (int i = 0; i < values.size(); i++) {
                            s.setString(i + 1, values.get(i));
                        }
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(table.getKey() + "." + column);
                            }
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search " + Platform.database(service) + ": " + e.getMessage(), e);
        }
    }
}
