package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The monitoring in deploy/kubernetes/base/monitoring, checked the way Prometheus and Grafana would read it: the alert rules
 * by promtool (syntax, and unit tests that make each tested alert fire and stay quiet), the dashboards as JSON whose
 * every query promtool parses and whose every metric the services expose (exposed-metrics.txt, itself checked
 * against the running services by system-tests' MetricsSystemTest), a ServiceMonitor per service, and a runbook
 * section in docs/operations.md for every alert.
 */
class MonitoringTest {
    private static final Path MONITORING = Repo.ROOT.resolve("deploy/kubernetes/base/monitoring");
    private static final Path WORK = Path.of("target", "promtool");
    /** Strict JSON, as Grafana's importer reads a dashboard: no YAML leniency, no duplicate keys. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceAndTheConsoleAreScrapedAtTheirMetricsEndpointByAServiceMonitor(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        List<String> scraped = new ArrayList<>(Repo.SERVICES);
        scraped.add("console");
        for (String service : scraped) {
            JsonNode monitor = Repo.named(resources, "ServiceMonitor", service);
            assertNotNull(monitor, overlay + ": no ServiceMonitor for " + service);
            JsonNode svc = Repo.named(resources, "Service", service);
            monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                    assertEquals(label.getValue().asText(), svc.path("metadata").path("labels").path(label.getKey()).asText(),
                            overlay + ": " + service + "'s ServiceMonitor selects label " + label.getKey()
                                    + " that its Service does not carry"));
            Set<String> ports = new HashSet<>();
            svc.path("spec").path("ports").forEach(p -> ports.add(p.path("name").asText()));
            for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                assertTrue(ports.contains(endpoint.path("port").asText()),
                        overlay + ": " + service + "'s ServiceMonitor scrapes a port its Service does not name");
                assertEquals("/q/metrics", endpoint.path("path").asText(), service + " exposes Prometheus metrics at /q/metrics");
            }
        }
    }

    @Test
    void promtoolAcceptsTheAlertRules() throws IOException {
        Path rules = extractRules();
        Promtool.Result result = Promtool.run("check", "rules", rules.toString());
        assertTrue(result.ok(), "promtool check rules " + rules + ":\n" + result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void theAlertsFireOnTheSeriesTheirUnitTestsFeedAndStayQuietOtherwise() throws IOException {
        extractRules();
        Path tests = WORK.resolve("alerts-test.yml");
        Files.copy(Path.of("src/test/resources/promtool/alerts-test.yml"), tests,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Promtool.Result result = Promtool.run("test", "rules", tests.toString());
        assertTrue(result.ok(), "promtool test rules " + tests + ":\n" + result.output());
    }

    @Test
    void everyDashboardIsGrafanaJsonWhoseQueriesParseAndReadOnlyMetricsTheServicesExpose() throws IOException {
        Map<String, String> catalog = catalog();
        List<Path> dashboards = dashboards();
        assertTrue(dashboards.size() >= 6, "a platform dashboard and one per service, found " + dashboards);
        Set<String> uids = new HashSet<>();
        Map<String, String> queries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(Files.readString(file));
            String name = file.getFileName().toString();
            assertTrue(uids.add(dashboard.path("uid").asText()), name + " needs a uid of its own");
            assertFalse(dashboard.path("title").asText().isBlank(), name + " needs a title");
            int panels = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                panels++;
                String where = name + " panel \"" + panel.path("title").asText() + "\"";
                if (panel.path("targets").isEmpty()) {
                    problems.add(where + " has no query");
                }
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    if (expr.isBlank()) {
                        problems.add(where + " has an empty query");
                        continue;
                    }
                    queries.put(where + " " + target.path("refId").asText(), expr);
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                String definition = variable.path("definition").asText();
                if (definition.startsWith("label_values(")) {
                    String metric = definition.substring("label_values(".length()).split("[,)]")[0].trim();
                    if (!catalog.containsKey(metric)) {
                        problems.add(name + " variable " + variable.path("name").asText() + " reads " + metric
                                + ", which no service exposes (exposed-metrics.txt)");
                    }
                }
            }
            assertTrue(panels >= 4, name + " shows something (" + panels + " panels)");
        }
        queries.forEach((where, expr) -> PromQl.metricNames(expr).stream().filter(m -> !catalog.containsKey(m))
                .forEach(m -> problems.add(where + " reads " + m + ", which no service exposes (exposed-metrics.txt)")));
        assertEquals(List.of(), problems);

        // Every query as a recording rule: promtool parses each one as Prometheus would.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int i = 0;
        for (String expr : queries.values()) {
            rules.append("      - record: dashboard_query_").append(i++).append("\n        expr: ")
                    .append(JSON.writeValueAsString(PromQl.withoutGrafanaVariables(expr))).append('\n');
        }
        Files.createDirectories(WORK);
        Path file = WORK.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);
        Promtool.Result result = Promtool.run("check", "rules", file.toString());
        assertTrue(result.ok(), "promtool cannot parse a dashboard query (" + file + "):\n" + result.output());
    }

    @Test
    void theDashboardsShipInTheGrafanaConfigMapOfBothOverlays() throws IOException {
        Set<String> files = new TreeSet<>();
        for (Path file : dashboards()) {
            files.add(file.getFileName().toString());
        }
        for (String overlay : Repo.OVERLAYS) {
            JsonNode map = Repo.named(Repo.render(overlay), "ConfigMap", "postventa-grafana-dashboards");
            assertNotNull(map, overlay + " ships the dashboards");
            assertEquals("1", map.path("metadata").path("labels").path("grafana_dashboard").asText(),
                    "Grafana's sidecar loads ConfigMaps labelled grafana_dashboard=1");
            Set<String> keys = new TreeSet<>();
            map.path("data").fieldNames().forEachRemaining(keys::add);
            assertEquals(files, keys, overlay + ": every dashboard file is in the ConfigMap");
        }
    }

    @Test
    void everyAlertReadsOnlyExposedMetricsAndNamesItsRunbookSection() {
        Map<String, String> catalog = catalog();
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : alertRules()) {
            String alert = rule.path("alert").asText();
            PromQl.metricNames(rule.path("expr").asText()).stream().filter(m -> !catalog.containsKey(m))
                    .forEach(m -> problems.add(alert + " reads " + m + ", which nothing exposes (exposed-metrics.txt)"));
            String runbook = rule.path("annotations").path("runbook").asText();
            if (!runbook.equals("docs/operations.md#" + alert.toLowerCase(Locale.ROOT))) {
                problems.add(alert + "'s runbook annotation is '" + runbook + "', not docs/operations.md#"
                        + alert.toLowerCase(Locale.ROOT));
            }
            for (String label : List.of("severity")) {
                if (rule.path("labels").path(label).asText().isBlank()) {
                    problems.add(alert + " has no " + label + " label");
                }
            }
            if (rule.path("annotations").path("summary").asText().isBlank()) {
                problems.add(alert + " has no summary");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theRunbookExplainsEveryAlertTheRulesDefineAndNoOther() {
        String runbook = Repo.read("docs/operations.md");
        Map<String, String> sections = new TreeMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : runbook.lines().toList()) {
            if (line.startsWith("#")) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                current = line.startsWith("### Postventa") ? line.substring(4).trim() : null;
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString());
        }
        Set<String> alerts = new TreeSet<>();
        alertRules().forEach(rule -> alerts.add(rule.path("alert").asText()));
        assertTrue(alerts.size() >= 8, "the rules define the alerts the issue asks for: " + alerts);
        assertEquals(alerts, sections.keySet(), "docs/operations.md has a '### <Alert>' section for exactly the alerts"
                + " deploy/kubernetes/base/monitoring/prometheus-rules.yaml defines");
        sections.forEach((alert, text) -> {
            assertTrue(text.contains("**What it means**") && text.contains("**What to do**"),
                    "the runbook section of " + alert + " says what it means and what to do");
        });
    }

    private static List<JsonNode> alertRules() {
        JsonNode rule = Repo.named(Repo.render("prod"), "PrometheusRule", "postventa");
        assertNotNull(rule, "the PrometheusRule postventa is rendered");
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                if (r.has("alert")) {
                    alerts.add(r);
                }
            }
        }
        return alerts;
    }

    /** The PrometheusRule's groups as the rule file promtool reads. */
    private static Path extractRules() throws IOException {
        JsonNode rule = Repo.named(Repo.render("prod"), "PrometheusRule", "postventa");
        ObjectNode file = Yaml.MAPPER.createObjectNode();
        file.set("groups", (ArrayNode) rule.path("spec").path("groups"));
        Files.createDirectories(WORK);
        Path out = WORK.resolve("postventa-rules.yml");
        Files.writeString(out, Yaml.MAPPER.writeValueAsString(file));
        return out;
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(MONITORING.resolve("dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** exposed-metrics.txt: metric name to who exposes it. */
    static Map<String, String> catalog() {
        Map<String, String> catalog = new TreeMap<>();
        for (String line : Repo.read("deploy/kubernetes/base/monitoring/exposed-metrics.txt").lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            catalog.put(fields[0], fields[1]);
        }
        return catalog;
    }
}
