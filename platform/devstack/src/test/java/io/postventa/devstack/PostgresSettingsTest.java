package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void extraSettingsAreNameValuePairsSeparatedBySpacesAndKeepCommasInValues() {
        assertEquals(Map.of("shared_preload_libraries", "pg_stat_statements,auto_explain",
                        "pg_stat_statements.track", "all"),
                PostgresServer.extraSettings(" shared_preload_libraries=pg_stat_statements,auto_explain  "
                        + "pg_stat_statements.track=all "));
    }

    @Test
    void noExtraSettingsWhenUnset() {
        assertEquals(Map.of(), PostgresServer.extraSettings(""));
    }

    @Test
    void aSettingWithoutValueIsRefusedNamingIt() {
        StackException e = assertThrows(StackException.class, () -> PostgresServer.extraSettings("max_wal_size"));
        assertEquals("POSTVENTA_PG_SETTINGS: 'max_wal_size' is not name=value", e.getMessage());
    }
}
