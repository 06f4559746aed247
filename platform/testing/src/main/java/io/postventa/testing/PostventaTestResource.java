package io.postventa.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under {@code @QuarkusTest} at the shared test stack: its own database, the Kafka
 * broker, the development JWT key and (for notification-service) the SMTP server, (for ticket-service) its IMAP side.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = PostventaTestResource.class,
 *         initArgs = &#64;ResourceArg(name = "database", value = "order_status"))
 * </pre>
 */
public class PostventaTestResource implements QuarkusTestResourceLifecycleManager {
    /** The setting that names the database the test declared ({@link ServiceInfrastructureContract} checks it). */
    public static final String DATABASE = "postventa.test.database";

    private String database = "platform_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        StackInfo stack = TestStack.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database));
        config.put(DATABASE, database);
        config.put("quarkus.datasource.username", stack.postgresUser());
        config.put("quarkus.datasource.password", stack.postgresPassword());
        config.put("mp.jwt.verify.publickey.location", stack.jwtPublicKeyLocation());
        config.put("mp.jwt.verify.issuer", TestStack.tokenIssuer());
        config.put("postventa.test.smtp.host", stack.smtpHost());
        config.put("postventa.test.smtp.port", Integer.toString(stack.smtpPort()));
        config.put("postventa.test.imap.port", Integer.toString(stack.imapPort()));
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives this test class: it is shared by the whole Maven run and stops with it.
    }
}
