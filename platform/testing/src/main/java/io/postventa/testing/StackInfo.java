package io.postventa.testing;

/** How tests reach the shared Kafka broker, PostgreSQL server and SMTP server. */
public record StackInfo(
        String kafkaBootstrapServers,
        String postgresJdbcPrefix,
        String postgresUser,
        String postgresPassword,
        String smtpHost,
        int smtpPort,
        String jwtPublicKeyLocation) {

    /** JDBC URL of one database (order_status, returns, tickets, notifications, feedback, platform_test, benchmarks). */
    public String jdbcUrl(String database) {
        return postgresJdbcPrefix + database;
    }
}
