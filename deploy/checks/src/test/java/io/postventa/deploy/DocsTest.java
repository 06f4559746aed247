package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DocsTest {

    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w/.-])((?:deploy|compose|kubernetes|checks|scripts)/[A-Za-z0-9_./-]*[A-Za-z0-9_])");

    @Test
    void everyDeploymentFileTheDocsNameExists() {
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String doc : List.of("README.md", "deploy/README.md", "deploy/checks/schemas/README.md")) {
            Matcher m = REPO_PATH.matcher(Repo.read(doc));
            while (m.find()) {
                String path = m.group(1);
                named++;
                boolean relativeToDeploy = doc.startsWith("deploy/") && !path.startsWith("deploy/");
                String resolved = relativeToDeploy ? "deploy/" + path : path;
                if (!path.contains("*") && !Files.exists(Repo.ROOT.resolve(resolved))
                        && !Files.exists(Repo.ROOT.resolve(doc).getParent().resolve(path))) {
                    missing.add(doc + " names " + path);
                }
            }
        }
        assertTrue(named > 20, "the docs name the deployment files (found " + named + ")");
        assertEquals(List.of(), missing, "the deployment docs must name files that exist");
    }
}
