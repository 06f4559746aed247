package io.postventa.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.testing.TestStack;

/**
 * The fault run of issue 32, short: {@code ./postventa chaos}'s program with a few kills (notification-service,
 * the Kafka broker and PostgreSQL, once each, SIGKILL) under a slow stream of the demo's traffic, on a stack of its
 * own on free ports (beside the build's shared test stack). The run compares what went in with what came out; this
 * test fails unless nothing was lost or duplicated: inbound events applied once, returns decided once, contacts on a
 * ticket once, every message recorded as sent received once at the SMTP server and, honouring its idempotency key,
 * at the HTTP provider stand-in, nothing dead-lettered, every service ready at the end. How fast the lag came back to
 * zero is reported (in {@code benchmarks/target/chaos-short.json}), not asserted: the machine is shared.
 * {@code -Dpostventa.chaos-short.targets=...} and {@code -Dpostventa.chaos-short.kills-each=N} change the plan.
 */
class ShortFaultRunTest {
    private static final Duration LIMIT = Duration.parse(System.getProperty("postventa.chaos-short.limit", "PT40M"));

    @Test
    void killingAServiceKafkaAndPostgresUnderTrafficLosesAndDuplicatesNothing() throws Exception {
        Path root = TestStack.projectRoot();
        Path target = root.resolve("benchmarks").resolve("target");
        Path log = target.resolve("chaos-short.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dpostventa.root=" + root,
                "-cp", target.resolve("classes") + ":" + Files.readString(target.resolve("benchmarks.classpath")).strip(),
                ChaosBenchmark.class.getName(),
                "--targets", System.getProperty("postventa.chaos-short.targets", "notification-service,kafka,postgres"),
                "--kills-each", System.getProperty("postventa.chaos-short.kills-each", "1"),
                "--rate", "3",
                "--seed", "7",
                "--warmup-seconds", "20",
                "--min-pause-seconds", "3",
                "--max-pause-seconds", "10",
                "--settle-timeout-seconds", "480",
                // a send cut by the kill is queued again after 30 s instead of 5 min: the run settles sooner
                "--prop", "notification-service.postventa.notification.stale-claim-after=PT30S",
                "--results", "benchmarks/target",
                "--name", "chaos-short"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        Set<Integer> taken = new HashSet<>();
        for (String port : List.of("KAFKA", "KAFKA_CONTROLLER", "PG", "SMTP", "IMAP", "ORDER_STATUS", "RETURNS",
                "TICKET", "NOTIFICATION", "FEEDBACK", "CONSOLE", "PORTAL")) {
            env.put("POSTVENTA_" + port + "_PORT", Integer.toString(freePort(taken)));
        }
        env.put("POSTVENTA_DATA_DIR", target.resolve("chaos-short-stack").toString());
        env.remove("POSTVENTA_PG_URL");
        Path results = target.resolve("chaos-short.json");
        Files.deleteIfExists(results);

        Process run = builder.start();
        boolean ended = run.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            run.destroy();
            run.waitFor(60, TimeUnit.SECONDS);
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(ended, "the short fault run ended within " + LIMIT + " (its output is above, and in " + log + ")");
        assertEquals(0, run.exitValue(), "the short fault run succeeded (its output is above)");

        JsonNode report = new ObjectMapper().readTree(results.toFile());
        JsonNode summary = report.path("summary");
        assertEquals(3 * Integer.getInteger("postventa.chaos-short.kills-each", 1), summary.path("kills").asInt(),
                "every planned kill happened: " + report.path("kills"));
        for (JsonNode kill : report.path("kills")) {
            assertTrue(kill.path("secondsUntilBack").isNumber() && !kill.path("secondsUntilBack").asText().equals("NaN"),
                    "the killed part came back: " + kill);
        }
        assertTrue(summary.path("settled").asBoolean(), "everything settled after the traffic: " + report.path("settle"));
        assertTrue(summary.path("everyServiceReadyAtTheEnd").asBoolean(), "every service is ready at the end: "
                + report.path("readinessAtTheEnd"));
        List<String> failed = new ArrayList<>();
        for (JsonNode check : report.path("checks")) {
            if (check.path("lost").asLong() != 0 || check.path("duplicated").asLong() != 0) {
                failed.add(check.toString());
            }
        }
        assertEquals(List.of(), failed, "no check lost or duplicated anything");
        assertEquals(0, summary.path("customerMessagesLost").asLong(), "no customer message lost: "
                + report.path("customerMessages"));
        assertEquals(0, summary.path("customerMessagesDuplicated").asLong(), "no customer message duplicated for a "
                + "provider that honours the idempotency key: " + report.path("customerMessages"));
    }

    private static int freePort(Set<Integer> taken) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (taken.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
