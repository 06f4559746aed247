package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Constraints of Kubernetes' own kinds that the typed models do not enforce (they read enums and
 * quantities as plain strings): enum values, resource quantities, label syntax and named-port references.
 * The API server applies the same rules on apply.
 */
final class KubernetesRules {

    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
    private static final Set<String> SERVICE_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");
    private static final Set<String> POLICY_TYPES = Set.of("Ingress", "Egress");
    private static final Set<String> METRIC_TYPES = Set.of("Resource", "Pods", "Object", "External", "ContainerResource");
    private static final Set<String> TARGET_TYPES = Set.of("Utilization", "Value", "AverageValue");
    private static final Set<String> STRATEGY_TYPES = Set.of("RollingUpdate", "Recreate");
    private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost", "Unconfined");
    /** Kubernetes' resource.Quantity syntax. */
    private static final Pattern QUANTITY = Pattern.compile(
            "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\\d+)?$");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_PREFIX = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private KubernetesRules() {
    }

    static List<String> check(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        walk(resource, "", problems);
        JsonNode spec = resource.path("spec");
        switch (resource.path("kind").asText()) {
            case "Service" -> {
                oneOf(spec.path("type"), SERVICE_TYPES, "spec.type", problems);
            }
            case "NetworkPolicy" -> {
                int i = 0;
                for (JsonNode type : spec.path("policyTypes")) {
                    oneOf(type, POLICY_TYPES, "spec.policyTypes[" + i++ + "]", problems);
                }
            }
            case "HorizontalPodAutoscaler" -> {
                int i = 0;
                for (JsonNode metric : spec.path("metrics")) {
                    oneOf(metric.path("type"), METRIC_TYPES, "spec.metrics[" + i + "].type", problems);
                    oneOf(metric.path("resource").path("target").path("type"), TARGET_TYPES,
                            "spec.metrics[" + i++ + "].resource.target.type", problems);
                }
                if (spec.path("minReplicas").asInt(1) > spec.path("maxReplicas").asInt()) {
                    problems.add("spec.minReplicas must not exceed spec.maxReplicas");
                }
            }
            case "Deployment" -> {
                oneOf(spec.path("strategy").path("type"), STRATEGY_TYPES, "spec.strategy.type", problems);
                checkPod(spec.path("template").path("spec"), "spec.template.spec", problems);
            }
            default -> {
            }
        }
        return problems;
    }

    private static void checkPod(JsonNode pod, String at, List<String> problems) {
        oneOf(pod.path("securityContext").path("seccompProfile").path("type"), SECCOMP_TYPES,
                at + ".securityContext.seccompProfile.type", problems);
        Set<String> volumes = new HashSet<>();
        pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        int c = 0;
        for (JsonNode container : pod.path("containers")) {
            String where = at + ".containers[" + c++ + "]";
            oneOf(container.path("imagePullPolicy"), PULL_POLICIES, where + ".imagePullPolicy", problems);
            Set<String> portNames = new HashSet<>();
            for (JsonNode port : container.path("ports")) {
                if (port.has("name")) {
                    portNames.add(port.get("name").asText());
                }
            }
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode port = container.path(probe).path("httpGet").path("port");
                if (port.isTextual() && !portNames.contains(port.asText())) {
                    problems.add(where + "." + probe + ".httpGet.port '" + port.asText() + "' names no container port");
                }
            }
            int e = 0;
            for (JsonNode env : container.path("env")) {
                if (!ENV_NAME.matcher(env.path("name").asText()).matches()) {
                    problems.add(where + ".env[" + e + "].name '" + env.path("name").asText() + "' is not a valid variable name");
                }
                e++;
            }
            for (JsonNode mount : container.path("volumeMounts")) {
                if (!volumes.contains(mount.path("name").asText())) {
                    problems.add(where + ".volumeMounts: volume '" + mount.path("name").asText() + "' is not defined");
                }
            }
        }
    }

    /** Checks, anywhere in the resource, ports' protocols and numbers, resource quantities and labels. */
    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                String at = path.isEmpty() ? key : path + "." + key;
                if (key.equals("protocol")) {
                    oneOf(value, PROTOCOLS, at, problems);
                } else if ((key.equals("port") || key.equals("containerPort")) && value.isInt()
                        && (value.asInt() < 1 || value.asInt() > 65535)) {
                    problems.add(at + ": port " + value.asInt() + " is out of range");
                } else if ((key.equals("requests") || key.equals("limits")) && path.endsWith("resources")) {
                    value.fields().forEachRemaining(q -> {
                        if (!QUANTITY.matcher(q.getValue().asText()).matches()) {
                            problems.add(at + "." + q.getKey() + ": '" + q.getValue().asText() + "' is not a quantity");
                        }
                    });
                } else if (key.equals("labels") || key.equals("matchLabels")) {
                    value.fields().forEachRemaining(l -> label(l.getKey(), l.getValue(), at, problems));
                }
                walk(value, at, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static void label(String key, JsonNode value, String at, List<String> problems) {
        int slash = key.indexOf('/');
        String prefix = slash >= 0 ? key.substring(0, slash) : null;
        String name = slash >= 0 ? key.substring(slash + 1) : key;
        if ((prefix != null && (prefix.length() > 253 || !LABEL_PREFIX.matcher(prefix).matches()))
                || !LABEL_NAME.matcher(name).matches()) {
            problems.add(at + ": '" + key + "' is not a valid label key");
        }
        if (!value.isTextual() || !LABEL_VALUE.matcher(value.asText()).matches()) {
            problems.add(at + "." + key + ": '" + value.asText() + "' is not a valid label value");
        }
    }

    private static void oneOf(JsonNode value, Set<String> allowed, String at, List<String> problems) {
        if (!value.isMissingNode() && !allowed.contains(value.asText())) {
            problems.add(at + ": '" + value.asText() + "' is not one of " + allowed);
        }
    }
}
