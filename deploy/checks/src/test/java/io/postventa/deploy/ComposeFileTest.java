package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    /** Compose resolves build contexts and bind mounts relative to the file's own directory. */
    private static final Path DIR = Repo.ROOT.resolve("deploy/compose");
    private final JsonNode compose = Yaml.documents(DIR.resolve("docker-compose.yml")).get(0);

    @Test
    void dockerComposeYmlValidatesAgainstTheComposeSpecification() {
        assertEquals(List.of(), new ComposeValidator(Repo.ROOT).validate(compose), "docker-compose.yml must be valid");
    }

    @Test
    void everyServiceIsBuiltFromItsDockerfileAndWaitsForHealthyInfrastructure() {
        for (String service : Repo.SERVICES) {
            JsonNode s = compose.path("services").path(service);
            assertTrue(s.isObject(), "docker-compose.yml has no service " + service);
            String dockerfile = s.path("build").path("context").asText() + "/" + s.path("build").path("dockerfile").asText();
            assertTrue(Files.isRegularFile(DIR.resolve(dockerfile).normalize()), service + " builds from " + dockerfile + ", missing");
            assertTrue(s.path("healthcheck").path("test").toString().contains("/q/health/ready"), service + " health check");
            assertEquals("service_healthy", s.path("depends_on").path("postgres").path("condition").asText(), service);
            assertEquals("service_healthy", s.path("depends_on").path("kafka").path("condition").asText(), service);
            assertEquals("service_completed_successfully",
                    s.path("depends_on").path("kafka-topics").path("condition").asText(), service);
            String port = Repo.applicationProperties(service).getProperty("quarkus.http.port");
            assertEquals(port + ":" + port, s.path("ports").get(0).asText(), service + " publishes its own port");
            String localUrl = Repo.applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
            String database = localUrl.substring(localUrl.lastIndexOf('/') + 1);
            assertEquals("jdbc:postgresql://postgres:5432/" + database,
                    s.path("environment").path("QUARKUS_DATASOURCE_JDBC_URL").asText(), service + " database");
            assertTrue(Repo.read("deploy/compose/postgres/10-postventa-databases.sh").contains("CREATE DATABASE " + database + " OWNER postventa"),
                    "the PostgreSQL init script must create " + database);
            assertEquals("kafka:19092", s.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText(), service);
        }
        assertEquals("mailpit:1025", compose.path("services").path("notification-service").path("environment")
                .path("QUARKUS_MAILER_HOST").asText() + ":" + compose.path("services").path("notification-service")
                .path("environment").path("QUARKUS_MAILER_PORT").asText(), "notification-service sends mail to Mailpit");
    }

    @Test
    void postgresRunsLogicalWalAndGrantsReplicationToTheServicesRole() {
        String command = compose.path("services").path("postgres").path("command").toString();
        assertTrue(command.contains("wal_level=logical"), "postgres command: " + command);
        assertTrue(Repo.read("deploy/compose/postgres/10-postventa-databases.sh").contains("CREATE ROLE postventa LOGIN REPLICATION"),
                "the outbox relay's role needs REPLICATION");
    }

    @Test
    void kafkaImageIsTheProjectsKafkaVersion() {
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(Repo.read("pom.xml"));
        assertTrue(version.find(), "root pom declares kafka.version");
        for (String service : List.of("kafka", "kafka-topics")) {
            assertEquals("apache/kafka:" + version.group(1), compose.path("services").path(service).path("image").asText(),
                    service + " runs the Kafka version the project builds against");
        }
    }

    @Test
    void everyFileMountedFromTheRepositoryExists() {
        List<String> missing = new ArrayList<>();
        compose.path("services").forEach(s -> s.path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if ((source.startsWith("./") || source.startsWith("../")) && !Files.exists(DIR.resolve(source).normalize())) {
                missing.add(source);
            }
        }));
        assertEquals(List.of(), missing, "bind-mounted files must exist in the repository");
    }
}
