package io.postventa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TestStackTest {

    @Test
    void theStackIsStartedOnceAndShared() {
        assertSame(TestStack.get(), TestStack.get(), "a second caller must get the same running stack");
    }

    @Test
    void postgresHasLogicalReplicationAndOneDatabasePerService() throws Exception {
        StackInfo stack = TestStack.get();
        for (String db : List.of("order_status", "returns", "tickets", "notifications", "feedback")) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(db), stack.postgresUser(),
                    stack.postgresPassword());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("show wal_level")) {
                rs.next();
                assertEquals("logical", rs.getString(1), "Debezium needs wal_level=logical in " + db);
            }
        }
    }

    @Test
    void aRecordRoundTripsThroughTheBrokerWithItsHeaders() {
        String topic = "testing.roundtrip";
        String key = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = KafkaTestClient.create();
             TopicRecorder recorder = kafka.record(topic)) {
            kafka.send(topic, key, "{\"hello\":\"kafka\"}", Map.of("ce_id", key));
            ConsumerRecord<String, String> got = recorder.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertEquals("{\"hello\":\"kafka\"}", got.value());
            assertEquals(key, TopicRecorder.header(got, "ce_id"));
        }
    }
}
