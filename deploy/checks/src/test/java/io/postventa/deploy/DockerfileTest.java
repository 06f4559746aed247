package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DockerfileTest {

    @Test
    void everyServiceImageIsNonRootExposesItsPortAndChecksItsReadiness() {
        for (String service : Repo.SERVICES) {
            String file = service + "/src/main/docker/Dockerfile.jvm";
            assertTrue(Files.isRegularFile(Repo.ROOT.resolve(file)), file + " is missing");
            String dockerfile = Repo.read(file);
            String port = Repo.applicationProperties(service).getProperty("quarkus.http.port");
            assertTrue(dockerfile.contains("\nEXPOSE " + port + "\n"), file + " must EXPOSE " + port);
            assertTrue(dockerfile.contains("\nUSER 185\n"), file + " must run as the image's non-root user");
            assertTrue(dockerfile.contains("/dev/tcp/127.0.0.1/" + port) && dockerfile.contains("/q/health/ready"),
                    file + " HEALTHCHECK must ask " + port + "/q/health/ready");
            assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"),
                    file + " must copy the Quarkus fast-jar layout");
            assertTrue(Repo.read(file + ".dockerignore").contains("!target/quarkus-app/"),
                    file + ".dockerignore must let the packaged application into the build context");
        }
    }
}
