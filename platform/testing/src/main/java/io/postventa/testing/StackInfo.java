package io.postventa.testing;

/** How tests reach the shared Kafka broker, PostgreSQL server and mail server (SMTP, IMAP; -1 when absent). */
public record StackInfo(
        String kafkaBootstrapServers,
        String postgresJdbcPrefix,
        String postgresUser,
        String postgresPassword,
        String smtpHost,
        int smtpPort,
        int imapPort,
        String jwtPublicKeyLocation) {

    /** A stack whose mail server serves no IMAP. */
    public StackInfo(String kafkaBootstrapServers, String postgresJdbcPrefix, String postgresUser,
            String postgresPassword, String smtpHost, int smtpPort, String jwtPublicKeyLocation) {
        this(kafkaBootstrapServers, postgresJdbcPrefix, postgresUser, postgresPassword, smtpHost, smtpPort, -1,
                jwtPublicKeyLocation);
    }

    /** JDBC URL of one database (order_status, returns, tickets, notifications, feedback, platform_test, benchmarks). */
    public String jdbcUrl(String database) {
        return postgresJdbcPrefix + database;
    }
}
