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
 * every text, JSON, array and binary column of every table of a service's database, over JDBC, the way an
 * auditor answering an erasure request would; text is matched in any letter case.
 */
public final class PersonalData {
    private static final String COLUMNS = """
            select table_name, column_name, data_type from information_schema.columns
            where table_schema = 'public' and table_name <> 'flyway_schema_history'
              and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
            order by table_name, ordinal_position
            """;

    private PersonalData() {
    }

    /** The {@code table.column}s of the service's database holding any of the values. */
    public static List<String> foundIn(Platform platform, PlatformService service, List<String> values) {
        try (Connection c = platform.connect(service)) {
            Map<String, Map<String, String>> tables = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(COLUMNS); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            List<String> found = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> table : tables.entrySet()) {
                for (Map.Entry<String, String> col : table.getValue().entrySet()) {
                    String column = col.getKey();
                    // bytea as text is its hex spelling: a file (a label PDF) is searched for the bytes of each value;
                    // text in any case, so that a lower-cased copy (a search index) counts too
                    String match = "bytea".equals(col.getValue())
                            ? "position(convert_to(?, 'UTF8') in \"" + column + "\") > 0"
                            : "strpos(lower(\"" + column + "\"::text), lower(?)) > 0";
                    String sql = "select count(*) from \"" + table.getKey() + "\" where "
                            + String.join(" or ", values.stream().map(v -> match).toList());
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
