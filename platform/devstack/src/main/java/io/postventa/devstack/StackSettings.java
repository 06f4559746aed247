package io.postventa.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and on which ports the local stack runs. Two profiles: {@code local} (./postventa up,
 * data kept in {@code .postventa/} between runs) and {@code test} (fresh data under
 * {@code target/test-stack/} each test run). Every value can be overridden by an environment
 * variable or a system property of the same name in lower case with dots
 * (POSTVENTA_KAFKA_PORT = postventa.kafka.port).
 */
public record StackSettings(
        String profile,
        Path dir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int smtpPort,
        int imapPort,
        boolean cleanStart,
        String externalPostgresUrl,
        String postgresUser,
        String postgresPassword,
        String kafkaHeap,
        List<String> databases) {

    /** One database per service, named as each service's configuration expects. */
    public static final List<String> SERVICE_DATABASES =
            List.of("order_status", "returns", "tickets", "notifications", "feedback");

    /** The settings of `./postventa up`, rooted at the project directory. */
    public static StackSettings local(Path root) {
        return of("local", root.resolve(".postventa"), 9092, 9093, 5433, 2525, 2143, false, SERVICE_DATABASES);
    }

    /** The settings of the shared test stack of one Maven run. */
    public static StackSettings test(Path root) {
        List<String> dbs = new ArrayList<>(SERVICE_DATABASES);
        dbs.add("platform_test");
        dbs.add("benchmarks");
        return of("test", root.resolve("target").resolve("test-stack"), 19092, 19093, 15433, 12525, 12143, true, dbs);
    }

    private static StackSettings of(String profile, Path dir, int kafka, int controller, int pg, int smtp,
            int imap, boolean clean, List<String> dbs) {
        String url = setting("POSTVENTA_PG_URL", null);
        return new StackSettings(profile,
                Path.of(setting("POSTVENTA_DATA_DIR", dir.toString())).toAbsolutePath(),
                Integer.parseInt(setting("POSTVENTA_KAFKA_PORT", Integer.toString(kafka))),
                Integer.parseInt(setting("POSTVENTA_KAFKA_CONTROLLER_PORT", Integer.toString(controller))),
                Integer.parseInt(setting("POSTVENTA_PG_PORT", Integer.toString(pg))),
                Integer.parseInt(setting("POSTVENTA_SMTP_PORT", Integer.toString(smtp))),
                Integer.parseInt(setting("POSTVENTA_IMAP_PORT", Integer.toString(imap))),
                clean,
                url,
                url == null ? PostgresServer.USER : setting("POSTVENTA_PG_USER", PostgresServer.USER),
                url == null ? PostgresServer.PASSWORD : setting("POSTVENTA_PG_PASSWORD", ""),
                setting("POSTVENTA_KAFKA_HEAP", "768m"),
                List.copyOf(dbs));
    }

    static String setting(String env, String fallback) {
        String property = System.getProperty(env.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
