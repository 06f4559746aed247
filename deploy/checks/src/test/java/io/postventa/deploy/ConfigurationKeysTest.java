package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** A misspelt setting is ignored silently at run time; these tests catch it before. */
class ConfigurationKeysTest {

    /** Settings read by the image's run-java.sh or by Quarkus extensions without a line in application.properties. */
    private static final Set<String> KNOWN_ELSEWHERE = Set.of("JAVA_MAX_MEM_RATIO", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_ISSUER", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");

    /** Prefixes of Kafka settings Strimzi manages itself and refuses in Kafka.spec.kafka.config. */
    private static final List<String> STRIMZI_FORBIDDEN = List.of("listeners", "advertised.", "broker.", "listener.",
            "host.name", "port", "inter.broker.listener.name", "sasl.", "ssl.", "security.", "password.", "log.dir",
            "zookeeper.", "authorizer.", "super.user", "cruise.control.metrics.", "node.id", "process.roles",
            "controller.", "metadata.log.dir");

    @Test
    void everyTopicSettingIsOneKafkaKnows() throws IllegalAccessException {
        Set<String> known = new HashSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
                known.add((String) field.get(null));
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String overlay : Repo.OVERLAYS) {
            for (JsonNode topic : Repo.ofKind(Repo.render(overlay), "KafkaTopic")) {
                topic.path("spec").path("config").fieldNames().forEachRemaining(key -> {
                    if (!known.contains(key)) {
                        unknown.add(overlay + " " + topic.path("metadata").path("name").asText() + ": " + key);
                    }
                });
            }
        }
        for (String line : Repo.read(TopicManifests.COMPOSE_FILE).lines().toList()) {
            String[] fields = line.split(" ");
            if (!line.startsWith("#") && fields.length == 3 && !fields[2].equals("-")) {
                for (String pair : fields[2].split(",")) {
                    if (!known.contains(pair.substring(0, pair.indexOf('=')))) {
                        unknown.add(TopicManifests.COMPOSE_FILE + " " + fields[0] + ": " + pair);
                    }
                }
            }
        }
        assertTrue(known.contains("cleanup.policy"), "TopicConfig lists the topic settings");
        assertEquals(List.of(), unknown, "topic settings Kafka does not know");
    }

    @Test
    void theKafkaResourceLeavesStrimziManagedSettingsToStrimzi() {
        List<String> forbidden = new ArrayList<>();
        for (String overlay : Repo.OVERLAYS) {
            Repo.named(Repo.render(overlay), "Kafka", "postventa").path("spec").path("kafka").path("config")
                    .fieldNames().forEachRemaining(key -> {
                        if (STRIMZI_FORBIDDEN.stream().anyMatch(key::startsWith)) {
                            forbidden.add(overlay + ": " + key);
                        }
                    });
        }
        assertEquals(List.of(), forbidden, "Strimzi refuses these keys in spec.kafka.config");
    }

    @Test
    void everyEnvironmentVariableGivenToAServiceIsASettingItHas() {
        List<String> unknown = new ArrayList<>();
        JsonNode compose = Yaml.documents(Repo.ROOT.resolve("deploy/compose/docker-compose.yml")).get(0);
        for (String service : Repo.SERVICES) {
            Set<String> settings = envNames(Repo.applicationProperties(service));
            compose.path("services").path(service).path("environment").fieldNames().forEachRemaining(env -> {
                if (!settings.contains(env) && !KNOWN_ELSEWHERE.contains(env)) {
                    unknown.add("docker-compose.yml " + service + ": " + env);
                }
            });
            for (String overlay : Repo.OVERLAYS) {
                List<JsonNode> configMaps = List.of(Repo.named(Repo.render(overlay), "ConfigMap", service),
                        Repo.named(Repo.render(overlay), "ConfigMap", "postventa-platform"));
                for (JsonNode configMap : configMaps) {
                    configMap.path("data").fieldNames().forEachRemaining(env -> {
                        if (!settings.contains(env) && !KNOWN_ELSEWHERE.contains(env)) {
                            unknown.add(overlay + " ConfigMap " + configMap.path("metadata").path("name").asText()
                                    + " for " + service + ": " + env);
                        }
                    });
                }
                for (JsonNode env : Repo.named(Repo.render(overlay), "Deployment", service).findValues("env")) {
                    env.forEach(e -> {
                        String name = e.path("name").asText();
                        if (!settings.contains(name) && !KNOWN_ELSEWHERE.contains(name)) {
                            unknown.add(overlay + " Deployment " + service + ": " + name);
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), unknown, "environment variables that match no setting of the service "
                + "(application.properties, any profile) would be ignored");
    }

    /** Quarkus's environment-variable form of every key in any profile: upper case, other characters as '_'. */
    private static Set<String> envNames(Properties properties) {
        Set<String> names = new HashSet<>();
        for (Object key : properties.keySet()) {
            String property = key.toString().replaceFirst("^%[^.]+\\.", "");
            names.add(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return names;
    }
}
