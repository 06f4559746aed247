package io.postventa.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.devstack.PlatformService;
import io.postventa.events.Topics;
import io.postventa.testing.TestStack;

/**
 * The dashboards and alerts in deploy/ read what the services really expose: every metric
 * deploy/kubernetes/base/monitoring/exposed-metrics.txt lists for a service (deploy/checks holds the dashboards and alerts to
 * that file) is on the running service's /q/metrics, tagged with its application. A poison record on each topic a
 * service reads makes the dead-letter counters appear, as they do in production at the first dead letter.
 */
class MetricsSystemTest extends SystemTest {

    @Test
    void everyMetricTheDashboardsAndAlertsReadIsExposedByTheServicesTheCatalogNames() throws IOException {
        Map<String, String> catalog = catalog();
        // one poison record where each service consumes: order-status-service and ticket-service read
        // orders.lifecycle.v1, the four others order-status.v1
        kafka.send(Topics.ORDERS_LIFECYCLE, "metrics-" + UUID.randomUUID(), "not JSON: a poison record", Map.of());
        kafka.send(Topics.ORDER_STATUS, "metrics-" + UUID.randomUUID(), "not JSON: a poison record", Map.of());

        await("each service exposes what the dashboards and alerts read").atMost(WAIT).untilAsserted(() -> {
            Map<String, List<String>> missing = new LinkedHashMap<>();
            for (PlatformService service : PlatformService.all()) {
                Set<String> exposed = exposed(service);
                List<String> absent = new ArrayList<>();
                catalog.forEach((metric, exposedBy) -> {
                    if ((exposedBy.equals("every-service") || exposedBy.equals(service.serviceName()))
                            && !exposed.contains(metric)) {
                        absent.add(metric);
                    }
                });
                if (!absent.isEmpty()) {
                    missing.put(service.serviceName(), absent);
                }
            }
            assertEquals(Map.of(), missing, "metrics the catalog promises and a service does not expose");
        });
        for (String exposedBy : catalog.values()) {
            assertTrue(exposedBy.equals("prometheus") || exposedBy.equals("every-service")
                    || PlatformService.all().stream().anyMatch(s -> s.serviceName().equals(exposedBy)),
                    "exposed-metrics.txt names an unknown exposer: " + exposedBy);
        }
    }

    /**
     * Issue 34 asks for names and labels in Prometheus conventions: Prometheus's own linter, {@code promtool check
     * metrics} (Debian's prometheus package, which .ci/run installs), reads the platform's own metric families
     * ({@code postventa_*}) of each running service and finds nothing to say (a counter without {@code _total}, a
     * gauge with it, a unit that is not a base unit, a name that is not snake case, a metric without help text).
     */
    @Test
    void prometheusOwnLinterFindsNothingWrongWithThePlatformsMetricNames() throws Exception {
        // a poison record where each service consumes, so the dead-letter family is there to be read
        kafka.send(Topics.ORDERS_LIFECYCLE, "metrics-" + UUID.randomUUID(), "not JSON: a poison record", Map.of());
        kafka.send(Topics.ORDER_STATUS, "metrics-" + UUID.randomUUID(), "not JSON: a poison record", Map.of());
        Map<String, String> complaints = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.all()) {
            String ours = await(service.serviceName() + " exposes the platform's metrics").atMost(WAIT)
                    .until(() -> ownFamilies(service), text -> text.contains("postventa_dead_letters_total"));
            Process promtool;
            try {
                promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("promtool is not installed: `apt-get install prometheus` gives it (.ci/run"
                        + " installs it)", e);
            }
            try (var in = promtool.getOutputStream()) {
                in.write(ours.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String said = new String(promtool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int exit = promtool.waitFor();
            if (exit != 0 || !said.isBlank()) {
                complaints.put(service.serviceName(), "exit " + exit + ": " + said.trim());
            }
        }
        assertEquals(Map.of(), complaints, "promtool check metrics on each service's postventa_* families");
    }

    /** A service's postventa_* metric families (HELP, TYPE and samples), as Prometheus scrapes them. */
    private static String ownFamilies(PlatformService service) {
        // promtool lints Prometheus's text format 0.0.4; asked for anything, the service may answer OpenMetrics,
        // whose exemplars (the trace ids tracing adds) that parser does not read
        String text = given().baseUri(service.url()).accept("text/plain; version=0.0.4; charset=utf-8")
                .get("/q/metrics").then().statusCode(200).extract().asString();
        StringBuilder ours = new StringBuilder();
        for (String line : text.lines().toList()) {
            String name = line.startsWith("# HELP ") || line.startsWith("# TYPE ") ? line.substring(7) : line;
            if (name.startsWith("postventa_")) {
                ours.append(line).append('\n');
            }
        }
        return ours.toString();
    }

    /** The metric names on a service's /q/metrics that carry its application tag (after one API call). */
    private static Set<String> exposed(PlatformService service) {
        given().baseUri(service.url()).get("/api/v1/metrics-probe"); // an HTTP request, so the request timer exists
        String text = given().baseUri(service.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> names = new TreeSet<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !line.contains("application=\"" + service.serviceName() + "\"")) {
                continue;
            }
            int end = line.indexOf('{');
            names.add(end < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, end));
        }
        return names;
    }

    private static Map<String, String> catalog() throws IOException {
        Map<String, String> catalog = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestStack.projectRoot().resolve("deploy/kubernetes/base/monitoring/exposed-metrics.txt"))) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] fields = trimmed.split("\\s+");
                catalog.put(fields[0], fields[1]);
            }
        }
        return catalog;
    }
}
