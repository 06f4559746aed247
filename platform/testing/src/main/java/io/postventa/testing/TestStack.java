package io.postventa.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import io.postventa.devstack.DevTokens;
import io.postventa.devstack.StackState;
import io.postventa.devstack.TestStackLauncher;

/**
 * The real Kafka and PostgreSQL every test uses. By default the devstack's local processes, started
 * once per Maven run and shared by all modules; with {@code -Dpostventa.infra=containers},
 * Testcontainers (hosts with a Docker engine), started once per test JVM.
 */
public final class TestStack {
    private static StackInfo info;

    private TestStack() {
    }

    /** The shared stack, started on first use. */
    public static synchronized StackInfo get() {
        if (info == null) {
            info = "containers".equals(System.getProperty("postventa.infra", "local"))
                    ? ContainersBackend.start()
                    : local();
        }
        return info;
    }

    private static StackInfo local() {
        StackState state = TestStackLauncher.ensureStarted(projectRoot());
        return new StackInfo(state.kafkaBootstrapServers(), state.postgresJdbcPrefix(), state.postgresUser(),
                state.postgresPassword(), "127.0.0.1", state.smtpPort(), state.imapPort(), state.jwtPublicKey().toUri().toString());
    }

    /** The project root: -Dpostventa.root (set by the parent pom), else the nearest directory with mvnw. */
    public static Path projectRoot() {
        String configured = System.getProperty("postventa.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("platform"))) {
                return p;
            }
        }
        return dir;
    }

    /** The issuer of development tokens, which the services' test profile trusts. */
    public static String tokenIssuer() {
        return DevTokens.ISSUER;
    }
}
