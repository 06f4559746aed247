package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks render overlays with their own small renderer so that CI needs no kustomize binary. Where
 * kubectl is installed, this proves the renderer's output equals {@code kubectl kustomize}'s.
 */
class KustomizeMatchesKubectlTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRendererProducesWhatKubectlKustomizeProduces(String overlay) throws Exception {
        String kubectl = kubectlOutput(overlay);
        assumeTrue(kubectl != null, "kubectl is not installed here; the renderer is compared where it is");
        assertEquals(byId(Yaml.documents(kubectl)), byId(Repo.render(overlay)),
                "deploy/checks' renderer and kubectl kustomize disagree on deploy/kubernetes/overlays/" + overlay);
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> resources) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode r : resources) {
            byId.put(r.path("apiVersion").asText() + "/" + r.path("kind").asText() + "/"
                    + r.path("metadata").path("namespace").asText() + "/" + r.path("metadata").path("name").asText(), r);
        }
        return byId;
    }

    private static String kubectlOutput(String overlay) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", Repo.ROOT.resolve("deploy/kubernetes/overlays").resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }
}
