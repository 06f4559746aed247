package io.postventa.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import jakarta.enterprise.inject.spi.CDI;

/**
 * What every service must satisfy on the real stack: ready only with its database and Kafka, its
 * own database (the one its tests declare to {@link PostventaTestResource}, not a neighbour's) writable, its outbox
 * relay running, and the broker it is configured with reachable. Each service runs it by a class with no body:
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(value = PostventaTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "returns"))
 * class ReturnsInfrastructureTest extends ServiceInfrastructureContract {
 * }
 * </pre>
 */
public abstract class ServiceInfrastructureContract {

    /** The database this service must be connected to: the one its test resource was given. */
    private static String expectedDatabase() {
        return ConfigProvider.getConfig().getValue(PostventaTestResource.DATABASE, String.class);
    }

    @Test
    void readinessIsUpAndCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Outbox relay"));
    }

    @Test
    void writesAndReadsItsOwnDatabase() throws Exception {
        DataSource dataSource = CDI.current().select(DataSource.class).get();
        String value = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_database()")) {
                rs.next();
                assertEquals(expectedDatabase(), rs.getString(1), "the service is connected to the wrong database");
            }
            s.execute("create temporary table infrastructure_probe (value text not null)");
            s.execute("insert into infrastructure_probe values ('" + value + "')");
            try (ResultSet rs = s.executeQuery("select value from infrastructure_probe")) {
                rs.next();
                assertEquals(value, rs.getString(1));
            }
        }
    }

    @Test
    void roundTripsARecordThroughTheConfiguredBroker() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        assertEquals(TestStack.get().kafkaBootstrapServers(), bootstrap,
                "the service must use the shared test broker, not a Dev Services one");
        String topic = "infrastructure.probe." + expectedDatabase();
        String key = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = KafkaTestClient.create(); TopicRecorder recorder = kafka.record(topic)) {
            kafka.send(topic, key, "probe", Map.of("ce_id", key));
            ConsumerRecord<String, String> got =
                    recorder.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertEquals("probe", got.value());
        }
    }
}
