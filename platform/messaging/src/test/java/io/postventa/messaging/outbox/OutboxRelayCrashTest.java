package io.postventa.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.postventa.messaging.inbox.Inbox;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.TopicRecorder;

class OutboxRelayCrashTest {
    private static final int EVENTS = 10_000;

    @Test
    void aRelayKilledMidStreamLosesNothingAndAnIdempotentConsumerAppliesEachEventOnce() throws Exception {
        OutboxDatabase db = OutboxDatabase.create();
        String topic = "outbox.test." + db.name;
        List<OutboxMessage> events = OutboxRelayTest.messages(topic, EVENTS);
        File log = File.createTempFile("relay-crash", ".log");

        try (KafkaTestClient kafka = KafkaTestClient.create(); TopicRecorder recorder = kafka.record(topic)) {
            Process first = RelayProcess.start(db.relaySettings("ticket-service"), log);
            Thread writer = new Thread(() -> writeInBatches(db, events), "outbox-writer");
            writer.start();

            // Kill the relay with SIGKILL once part of the stream is through: no shutdown, no offset flush.
            recorder.await(r -> true, EVENTS / 4, Duration.ofSeconds(120));
            first.destroyForcibly().waitFor();
            int beforeCrash = recorder.records().size();
            assertTrue(beforeCrash < EVENTS, "the relay must die mid-stream for this test to mean anything");

            Process second = RelayProcess.start(db.relaySettings("ticket-service"), log);
            try {
                writer.join();
                Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                        .until(() -> OutboxRelayTest.distinctIds(recorder).size() >= EVENTS);
            } finally {
                second.destroy();
                second.waitFor();
            }
            Set<String> expected = OutboxRelayTest.ids(events);
            assertEquals(expected, OutboxRelayTest.distinctIds(recorder), "every committed event reached the topic");

            List<ConsumerRecord<String, String>> delivered = recorder.records();
            int applied = applyIdempotently(db, delivered);
            assertEquals(EVENTS, applied, "each event applied exactly once despite " + (delivered.size() - EVENTS)
                    + " redeliveries");
            assertEquals(EVENTS, countEffects(db));
        }
    }

    private static void writeInBatches(OutboxDatabase db, List<OutboxMessage> events) {
        try {
            for (int i = 0; i < events.size(); i += 50) {
                db.write(events.subList(i, Math.min(events.size(), i + 50)), true);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consumer's transaction: dedupe by event id, then the effect, committed together. */
    private static int applyIdempotently(OutboxDatabase db, List<ConsumerRecord<String, String>> records) throws Exception {
        int applied = 0;
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table effect (event_id text not null)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement effect = c.prepareStatement("insert into effect (event_id) values (?)")) {
                for (ConsumerRecord<String, String> r : records) {
                    String id = TopicRecorder.header(r, "ce_id");
                    if (Inbox.firstDelivery(c, "crash-test-consumer", id)) {
                        effect.setString(1, id);
                        effect.executeUpdate();
                        applied++;
                    }
                    c.commit();
                }
            }
        }
        return applied;
    }

    private static long countEffects(OutboxDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(distinct event_id), count(*) from effect")) {
            rs.next();
            assertEquals(rs.getLong(1), rs.getLong(2), "no event may have two effects");
            return rs.getLong(2);
        }
    }

}
