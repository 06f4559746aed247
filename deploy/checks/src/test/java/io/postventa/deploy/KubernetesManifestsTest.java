package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesManifestsTest {

    /** Secrets an operator creates by hand in production (deploy/README.md, "Secrets"). */
    private static final Set<String> CREATED_BY_OPERATORS = Set.of("notification-service-secrets");

    private final ManifestValidator validator = new ManifestValidator(Repo.ROOT);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceOfTheOverlayValidatesAgainstItsKubernetesOrCrdSchema(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        assertTrue(resources.size() > 40, "the " + overlay + " overlay renders the whole platform, got " + resources.size());
        assertEquals(List.of(), validator.validate(resources), "deploy/kubernetes/overlays/" + overlay + " must be valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsNonRootReadOnlyWithHealthProbesAndResources(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        for (String service : Repo.SERVICES) {
            JsonNode deployment = Repo.named(resources, "Deployment", service);
            assertNotNull(deployment, overlay + " has no Deployment " + service);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), service + " pod runAsNonRoot");
            JsonNode container = pod.path("containers").get(0);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(),
                    service + " readiness probe");
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(),
                    service + " liveness probe");
            assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(),
                    service + " startup probe");
            assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(),
                    service + " readOnlyRootFilesystem");
            assertEquals(false, container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true),
                    service + " allowPrivilegeEscalation");
            assertTrue(container.path("resources").path("requests").has("cpu")
                    && container.path("resources").path("limits").has("memory"), service + " resources");
            int port = Integer.parseInt(Repo.applicationProperties(service).getProperty("quarkus.http.port"));
            assertEquals(port, container.path("ports").get(0).path("containerPort").asInt(),
                    service + " container port = its quarkus.http.port");
            for (String kind : List.of("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ConfigMap")) {
                assertNotNull(Repo.named(resources, kind, service), overlay + " has no " + kind + " " + service);
            }
        }
    }

    @Test
    void productionRunsAtLeastTwoReplicasOfEveryService() {
        List<ObjectNode> resources = Repo.render("prod");
        for (String service : Repo.SERVICES) {
            assertTrue(Repo.named(resources, "HorizontalPodAutoscaler", service).path("spec").path("minReplicas").asInt() >= 2,
                    service + " runs >= 2 replicas (the outbox relay's advisory lock keeps one relay active)");
            assertTrue(Repo.named(resources, "Cluster", dbCluster(resources, service)).path("spec").path("instances").asInt() >= 2,
                    service + "'s PostgreSQL has a standby");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theAutoscalerAloneOwnsTheReplicaCount(String overlay) {
        for (String service : Repo.SERVICES) {
            assertTrue(Repo.named(Repo.render(overlay), "Deployment", service).path("spec").path("replicas").isMissingNode(),
                    service + ": a Deployment with spec.replicas is scaled back to it by every kubectl apply, "
                            + "fighting its HorizontalPodAutoscaler");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceReadsItsOwnCnpgClusterWithLogicalWalAndAReplicatingOwner(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        for (String service : Repo.SERVICES) {
            String cluster = dbCluster(resources, service);
            JsonNode db = Repo.named(resources, "Cluster", cluster);
            assertNotNull(db, service + " reads the secret of CNPG cluster " + cluster + ", which " + overlay + " lacks");
            assertEquals("logical", db.path("spec").path("postgresql").path("parameters").path("wal_level").asText(),
                    cluster + " wal_level");
            JsonNode initdb = db.path("spec").path("bootstrap").path("initdb");
            String owner = initdb.path("owner").asText();
            assertTrue(initdb.path("postInitApplicationSQL").toString().contains("ALTER ROLE " + owner + " WITH REPLICATION"),
                    cluster + " must grant REPLICATION to " + owner + " for the outbox relay's slot");
            String url = Repo.named(resources, "ConfigMap", service).path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
            assertEquals("jdbc:postgresql://" + cluster + "-rw:5432/" + initdb.path("database").asText(), url,
                    service + " JDBC URL must point at its cluster's primary and database");
            String database = Repo.applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
            assertTrue(database.endsWith("/" + initdb.path("database").asText()),
                    cluster + " database must be the one the service uses locally (" + database + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferencedConfigMapAndSecretExistsOrIsOptionalOrDocumented(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Repo.ofKind(resources, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            List<JsonNode> refs = new ArrayList<>();
            deployment.findValues("configMapRef").forEach(refs::add);
            deployment.findValues("configMapKeyRef").forEach(refs::add);
            deployment.findValues("configMap").forEach(refs::add);
            for (JsonNode ref : refs) {
                if (!ref.path("optional").asBoolean() && Repo.named(resources, "ConfigMap", ref.path("name").asText()) == null) {
                    problems.add(name + " needs ConfigMap " + ref.path("name").asText());
                }
            }
            List<JsonNode> secrets = new ArrayList<>();
            deployment.findValues("secretKeyRef").forEach(secrets::add);
            deployment.findValues("secretRef").forEach(secrets::add);
            for (JsonNode ref : secrets) {
                String secret = ref.path("name").asText();
                boolean cnpg = secret.endsWith("-app")
                        && Repo.named(resources, "Cluster", secret.substring(0, secret.length() - 4)) != null;
                if (!ref.path("optional").asBoolean() && !cnpg && Repo.named(resources, "Secret", secret) == null
                        && !CREATED_BY_OPERATORS.contains(secret)) {
                    problems.add(name + " needs Secret " + secret);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySelectorSelectsTheServicePods(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        for (String service : Repo.SERVICES) {
            JsonNode labels = Repo.named(resources, "Deployment", service).path("spec").path("template").path("metadata").path("labels");
            JsonNode[] selectors = {
                    Repo.named(resources, "Deployment", service).path("spec").path("selector").path("matchLabels"),
                    Repo.named(resources, "Service", service).path("spec").path("selector"),
                    Repo.named(resources, "PodDisruptionBudget", service).path("spec").path("selector").path("matchLabels"),
                    Repo.named(resources, "NetworkPolicy", service).path("spec").path("podSelector").path("matchLabels")};
            for (JsonNode selector : selectors) {
                selector.fields().forEachRemaining(e -> assertEquals(e.getValue(), labels.get(e.getKey()),
                        service + " selector " + selector + " must match the pod labels " + labels));
            }
            assertEquals(service, Repo.named(resources, "HorizontalPodAutoscaler", service)
                    .path("spec").path("scaleTargetRef").path("name").asText(), service + " HPA target");
        }
    }

    /** Kafka versions Strimzi 0.49–0.51 can run (strimzi.io/downloads). */
    private static final Set<String> STRIMZI_KAFKA_VERSIONS = Set.of("4.0.0", "4.0.1", "4.1.0", "4.1.1");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsAVersionStrimziSupportsOnTheProjectsMinorVersion(String overlay) {
        JsonNode kafka = Repo.named(Repo.render(overlay), "Kafka", "postventa").path("spec").path("kafka");
        String version = kafka.path("version").asText();
        assertTrue(STRIMZI_KAFKA_VERSIONS.contains(version), "Strimzi 0.49 cannot run Kafka " + version);
        java.util.regex.Matcher project = java.util.regex.Pattern.compile("<kafka.version>(\\d+\\.\\d+)\\.")
                .matcher(Repo.read("pom.xml"));
        assertTrue(project.find(), "root pom declares kafka.version");
        assertTrue(version.startsWith(project.group(1) + "."), "the cluster runs Kafka " + project.group(1)
                + ".x like the project's clients, not " + version);
        assertTrue(kafka.path("metadataVersion").asText().startsWith(project.group(1) + "-"),
                "metadataVersion must match Kafka " + project.group(1));
    }

    @Test
    void theDevOverlayTrustsTheDevstackJwtKeyAndProductionDoesNot() {
        JsonNode key = Repo.named(Repo.render("dev"), "ConfigMap", "postventa-jwt-public-key");
        assertEquals(Repo.read("platform/devstack/src/main/resources/dev-keys/jwt-public.pem").strip(),
                key.path("data").path("jwt-public.pem").asText().strip(),
                "the dev overlay's key must be platform/devstack's development public key");
        List<ObjectNode> prod = Repo.render("prod");
        assertEquals(null, Repo.named(prod, "ConfigMap", "postventa-jwt-public-key"), "prod must not ship the dev key");
        assertTrue(Repo.named(prod, "ConfigMap", "postventa-platform").path("data").path("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                .asText().startsWith("https://"), "prod verifies tokens against the issuer's JWKS");
    }

    private static String dbCluster(List<ObjectNode> resources, String service) {
        JsonNode deployment = Repo.named(resources, "Deployment", service);
        for (JsonNode ref : deployment.findValues("secretKeyRef")) {
            String secret = ref.path("name").asText();
            if (secret.endsWith("-app")) {
                return secret.substring(0, secret.length() - 4);
            }
        }
        throw new AssertionError(service + " reads no CNPG <cluster>-app secret");
    }
}
