package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each validator must reject a broken manifest, or its passing the real ones would prove nothing. */
class ValidatorsCatchBrokenManifestsTest {

    private final ManifestValidator validator = new ManifestValidator(Repo.ROOT);

    private List<String> problemsOf(String yaml) {
        return validator.validate(Yaml.documents(yaml));
    }

    private static void assertRejected(List<String> problems, String mentioning) {
        assertFalse(problems.isEmpty(), "a broken manifest must be rejected");
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioning)),
                "the problem must name '" + mentioning + "', got " + problems);
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              %s
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                    - name: demo
                      image: demo:1
            """;

    @Test
    void aValidDeploymentPasses() {
        assertTrue(problemsOf(DEPLOYMENT.formatted("replicas: 2")).isEmpty(), "the reference Deployment is valid");
    }

    @Test
    void aMisspeltDeploymentFieldIsRejected() {
        assertRejected(problemsOf(DEPLOYMENT.formatted("replica: 2")), "replica");
    }

    @Test
    void aWronglyTypedDeploymentFieldIsRejected() {
        assertRejected(problemsOf(DEPLOYMENT.formatted("replicas: two")), "Deployment");
    }

    @Test
    void aMisspeltFieldDeepInsideAPodIsRejected() {
        String yaml = DEPLOYMENT.formatted("replicas: 2").replace("image: demo:1", "image: demo:1\n          readinesProbe: {}");
        assertRejected(problemsOf(yaml), "readinesProbe");
    }

    private static final String POD_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: %s
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      imagePullPolicy: %s
                      ports:
                        - name: http
                          containerPort: 8080
                      resources:
                        limits:
                          memory: %s
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: %s
            """;

    @Test
    void anUnknownPullPolicyABadQuantityAndADanglingProbePortAreRejected() {
        assertTrue(problemsOf(POD_DEPLOYMENT.formatted("demo", "IfNotPresent", "512Mi", "http")).isEmpty(),
                "the reference Deployment is valid");
        assertRejected(problemsOf(POD_DEPLOYMENT.formatted("demo", "Sometimes", "512Mi", "http")), "Sometimes");
        assertRejected(problemsOf(POD_DEPLOYMENT.formatted("demo", "IfNotPresent", "512MB", "http")), "512MB");
        assertRejected(problemsOf(POD_DEPLOYMENT.formatted("demo", "IfNotPresent", "512Mi", "web")),
                "names no container port");
    }

    @Test
    void anInvalidLabelValueIsRejected() {
        assertRejected(problemsOf(POD_DEPLOYMENT.formatted("'demo service'", "IfNotPresent", "512Mi", "http")),
                "not a valid label value");
    }

    @Test
    void aNumberInConfigMapDataIsRejected() {
        assertRejected(problemsOf("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: demo
                data:
                  PORT: 8080
                """), "ConfigMap");
    }

    @Test
    void anInvalidObjectNameIsRejected() {
        assertRejected(problemsOf(DEPLOYMENT.formatted("replicas: 2").replace("name: demo\nspec", "name: Demo_1\nspec")),
                "not a valid object name");
    }

    @Test
    void aMisspeltKafkaTopicFieldIsRejected() {
        assertRejected(problemsOf("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: demo.v1
                  labels:
                    strimzi.io/cluster: postventa
                spec:
                  partitons: 3
                  replicas: 1
                """), "partitons");
    }

    @Test
    void anUnknownKafkaNodePoolRoleIsRejected() {
        assertRejected(problemsOf("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata:
                  name: pool
                  labels:
                    strimzi.io/cluster: postventa
                spec:
                  replicas: 1
                  roles: [brokr]
                  storage:
                    type: ephemeral
                """), "KafkaNodePool");
    }

    @Test
    void aKafkaListenerWithoutTlsIsRejected() {
        assertRejected(problemsOf("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata:
                  name: postventa
                spec:
                  kafka:
                    listeners:
                      - name: plain
                        port: 9092
                        type: internal
                """), "tls is required");
    }

    @Test
    void aBrokenCnpgClusterIsRejected() {
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: demo-db
                spec:
                  instances: %s
                  postgresql:
                    %s:
                      wal_level: logical
                """;
        assertTrue(problemsOf(cluster.formatted("1", "parameters")).isEmpty(), "the reference Cluster is valid");
        assertRejected(problemsOf(cluster.formatted("0", "parameters")), "instances");
        assertRejected(problemsOf(cluster.formatted("1", "parameter")), "parameter");
    }

    private static final String SERVICE_MONITOR = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: demo
            spec:
              selector:
                matchLabels:
                  app: demo
              endpoints:
                - port: http
                  path: /q/metrics
                  %s
            """;

    @Test
    void aValidServiceMonitorPassesAndAMisspeltOrMistypedOneIsRejected() {
        assertTrue(problemsOf(SERVICE_MONITOR.formatted("interval: 30s")).isEmpty(), "the reference ServiceMonitor is valid");
        assertRejected(problemsOf(SERVICE_MONITOR.formatted("scrapeInterval: 30s")), "scrapeInterval");
        assertRejected(problemsOf(SERVICE_MONITOR.formatted("honorLabels: \"yes\"")), "ServiceMonitor");
    }

    @Test
    void aPrometheusRuleWithoutAnExpressionOrWithAMisspeltFieldIsRejected() {
        String rule = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: demo
                spec:
                  groups:
                    - name: demo
                      rules:
                        - alert: Demo
                          %s
                """;
        assertTrue(problemsOf(rule.formatted("expr: up == 0")).isEmpty(), "the reference PrometheusRule is valid");
        assertRejected(problemsOf(rule.formatted("expression: up == 0")), "expression");
        assertRejected(problemsOf(rule.formatted("for: 5m")), "expr is required");
    }

    @Test
    void theMetricNamesOfAQueryAreFoundAndFunctionsLabelsAndDurationsAreNot() {
        assertEquals(java.util.Set.of("http_server_requests_seconds_count", "postventa_outbox_leader"),
                PromQl.metricNames("sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\", "
                        + "uri!=\"/q/metrics\"}[5m] offset 1d)) / on(application) group_left max without (pod) "
                        + "(postventa_outbox_leader) > 2 * 1e3 and 5m"));
        assertEquals(java.util.Set.of("a_b"), PromQl.metricNames(PromQl.withoutGrafanaVariables(
                "histogram_quantile(0.99, rate(a_b{application=~\"$application\"}[$__rate_interval]))")));
    }

    @Test
    void aKindWithoutSchemaIsRejected() {
        assertRejected(problemsOf("""
                apiVersion: example.com/v1
                kind: Gadget
                metadata:
                  name: demo
                """), "no schema for example.com/v1/Gadget");
    }

    @Test
    void aBrokenComposeFileIsRejected() {
        ComposeValidator compose = new ComposeValidator(Repo.ROOT);
        JsonNode misspelt = Yaml.documents("""
                services:
                  app:
                    image: demo:1
                    helthcheck:
                      test: ["CMD", "true"]
                """).get(0);
        assertFalse(compose.validate(misspelt).isEmpty(), "an unknown service key must be rejected");
        JsonNode badCondition = Yaml.documents("""
                services:
                  db:
                    image: postgres:17
                  app:
                    image: demo:1
                    depends_on:
                      db:
                        condition: service_ready
                """).get(0);
        assertFalse(compose.validate(badCondition).isEmpty(), "an unknown depends_on condition must be rejected");
    }

    @Test
    void aContractTopicWithoutKafkaTopicIsReported() {
        List<ObjectNode> resources = Repo.render("prod");
        resources.removeIf(r -> r.path("spec").path("topicName").asText().equals("customers.v1.dlq"));
        assertRejected(TopicCheck.problems(TopicCheck.kafkaTopics(resources), "prod"), "customers.v1.dlq");
        assertRejected(TopicCheck.problems(Set.of(), "compose"), "orders.lifecycle.v1");
    }

    @Test
    void theRendererRefusesWhatItDoesNotImplement(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels:\n  a: b\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: []
                patches:
                  - target:
                      kind: Deployment
                    patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 1
                """);
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir), "a patch that matches nothing fails");
    }
}
