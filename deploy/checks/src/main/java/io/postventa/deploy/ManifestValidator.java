package io.postventa.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates rendered Kubernetes resources offline, the way an API server with strict field validation would:
 * <ul>
 *   <li>Kubernetes kinds bind to the fabric8 models, Prometheus Operator's (monitoring.coreos.com) to fabric8's
 *       model of its CRDs and Strimzi kinds to Strimzi's own API model (io.strimzi:api), with scalar coercion off; a field the model does not know is an error (the models
 *       keep unknown fields aside instead of failing, so every bound object is walked for them), and so is
 *       a wrong type or an unknown enum constant;</li>
 *   <li>CloudNativePG clusters validate against the committed JSON Schema in deploy/checks/schemas;</li>
 *   <li>the fields the API server requires for the kinds used here, and names that are valid object names;</li>
 *   <li>for Kubernetes' own kinds, what the models read as plain strings: enum values, resource quantities,
 *       label syntax, port ranges and references to named ports and volumes ({@link KubernetesRules}).</li>
 * </ul>
 * A kind it does not know is an error too, so nothing passes unchecked.
 */
public final class ManifestValidator {

    private static final Map<String, String> TYPED_KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", "io.fabric8.kubernetes.api.model.ConfigMap"),
            Map.entry("v1/Secret", "io.fabric8.kubernetes.api.model.Secret"),
            Map.entry("v1/Service", "io.fabric8.kubernetes.api.model.Service"),
            Map.entry("v1/Namespace", "io.fabric8.kubernetes.api.model.Namespace"),
            Map.entry("apps/v1/Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    "io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "io.fabric8.kubernetes.api.model.networking.v1.Ingress"),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", "io.strimzi.api.kafka.model.kafka.Kafka"),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool"),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", "io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor"),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", "io.fabric8.openshift.api.model.monitoring.v1.PodMonitor"),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", "io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule"));

    private static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    /** Required paths per kind (JSON pointers; "*" = every element of an array). */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("apps/v1/Deployment", List.of("/spec/selector", "/spec/template/spec/containers",
                    "/spec/template/spec/containers/*/name", "/spec/template/spec/containers/*/image")),
            Map.entry("v1/Service", List.of("/spec/ports/*/port")),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", List.of("/spec/scaleTargetRef/kind", "/spec/scaleTargetRef/name",
                    "/spec/maxReplicas")),
            Map.entry("policy/v1/PodDisruptionBudget", List.of("/spec/selector")),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", List.of("/spec/podSelector")),
            Map.entry("networking.k8s.io/v1/Ingress", List.of("/spec/rules/*/http/paths/*/backend/service/name")),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", List.of("/spec/kafka/listeners/*/name", "/spec/kafka/listeners/*/port",
                    "/spec/kafka/listeners/*/type", "/spec/kafka/listeners/*/tls")),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", List.of("/spec/replicas", "/spec/roles", "/spec/storage/type")),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", List.of("/metadata/labels/strimzi.io~1cluster")),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", List.of("/spec/selector", "/spec/endpoints/*/port")),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", List.of("/spec/groups/*/name", "/spec/groups/*/rules/*/expr")));

    /** RFC 1123 subdomain: what most kinds accept as metadata.name. */
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** RFC 1123 label: what Services and Namespaces accept. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final ObjectMapper strict;
    private final JsonSchemas schemas;

    public ManifestValidator(Path root) {
        this.schemas = new JsonSchemas(root);
        this.strict = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
        // A number or boolean where the API wants a string (ConfigMap data, env values) is refused by Kubernetes.
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Every problem of every resource, each prefixed with the resource's kind and name; empty if all are valid. */
    public List<String> validate(List<? extends JsonNode> resources) {
        List<String> problems = new ArrayList<>();
        for (JsonNode resource : resources) {
            String id = resource.path("kind").asText("?") + "/" + resource.path("metadata").path("name").asText("?");
            for (String problem : validate(resource)) {
                problems.add(id + ": " + problem);
            }
        }
        return problems;
    }

    /** The problems of one resource; empty if it is valid. */
    public List<String> validate(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        String apiVersion = resource.path("apiVersion").asText("");
        String kind = resource.path("kind").asText("");
        String key = apiVersion + "/" + kind;
        String name = resource.path("metadata").path("name").asText("");
        Pattern namePattern = kind.equals("Service") || kind.equals("Namespace") ? LABEL : SUBDOMAIN;
        if (name.isEmpty()) {
            problems.add("metadata.name is required");
        } else if (name.length() > 253 || !namePattern.matcher(name).matches()) {
            problems.add("metadata.name '" + name + "' is not a valid object name (" + namePattern.pattern() + ")");
        }
        for (String required : REQUIRED.getOrDefault(key, List.of())) {
            missing(resource, required.substring(1).split("/"), 0, "").forEach(p -> problems.add(p + " is required"));
        }
        if (TYPED_KINDS.containsKey(key)) {
            problems.addAll(bind(resource, TYPED_KINDS.get(key)));
            if (!apiVersion.startsWith("kafka.strimzi.io/")) {
                problems.addAll(KubernetesRules.check(resource));
            }
        } else if (CNPG_CLUSTER.equals(key)) {
            problems.addAll(schemas.validate(JsonSchemas.CNPG_CLUSTER, resource));
        } else {
            problems.add("no schema for " + key + ": add it to io.postventa.deploy.ManifestValidator");
        }
        return problems;
    }

    private static List<String> missing(JsonNode node, String[] tokens, int index, String at) {
        if (index == tokens.length) {
            return List.of();
        }
        String token = tokens[index].replace("~1", "/");
        if (token.equals("*")) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                problems.addAll(missing(node.get(i), tokens, index + 1, at + "[" + i + "]"));
            }
            return problems;
        }
        JsonNode child = node.get(token);
        String path = at.isEmpty() ? token : at + "." + token;
        if (child == null || child.isNull()) {
            return List.of(path);
        }
        return missing(child, tokens, index + 1, path);
    }

    private List<String> bind(JsonNode resource, String className) {
        Object model;
        try {
            model = strict.treeToValue(resource, Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the class path", e);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return List.of("does not match the " + className.substring(className.lastIndexOf('.') + 1)
                    + " schema: " + message.lines().findFirst().orElse(message));
        }
        List<String> problems = new ArrayList<>();
        walk(model, "", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    /** Reports the fields that the models kept aside as unknown (their additionalProperties). */
    private static void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), problems, seen);
            }
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                if (element == null) {
                    // Strimzi's enums read an unknown constant as null rather than failing.
                    problems.add(path.substring(1) + "[" + i + "]: unknown or null value");
                }
                walk(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")
                && !pkg.startsWith("io.fabric8.openshift.api.model.monitoring")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String getter = method.getName();
            if (getter.equals("getAdditionalProperties")) {
                Object extra = invoke(method, value);
                if (extra instanceof Map<?, ?> unknown) {
                    for (Object field : unknown.keySet()) {
                        problems.add((path.isEmpty() ? "" : path.substring(1) + ".") + field + ": unknown field");
                    }
                }
            } else if (getter.startsWith("get") && getter.length() > 3 && !method.getReturnType().isPrimitive()) {
                String property = Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
                walk(invoke(method, value), path + "." + property, problems, seen);
            }
        }
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
