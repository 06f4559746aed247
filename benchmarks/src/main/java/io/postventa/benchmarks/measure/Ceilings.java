package io.postventa.benchmarks.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.postventa.devstack.Classpath;
import io.postventa.testing.StackInfo;

/**
 * This machine's raw ceilings, measured in the same run as the benchmark that compares against them: Kafka's own
 * producer performance tool at the benchmark's record size, and PostgreSQL's commit rate of a one-row transaction
 * from one and from four clients.
 */
public record Ceilings(Map<String, Object> kafka, Map<String, Object> postgres1, Map<String, Object> postgres4,
        int recordBytes) {
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency.*?([\\d.]+) ms 50th, ([\\d.]+) ms 95th, ([\\d.]+) ms 99th");

    /** Measures all three: {@code kafkaRecords} records of {@code recordBytes}, each commit rate for {@code postgres}. */
    public static Ceilings measure(StackInfo stack, int kafkaRecords, int recordBytes, Duration postgres)
            throws IOException, InterruptedException, SQLException {
        System.out.println("Measuring the ceilings: Kafka ProducerPerformance, PostgreSQL commit rate...");
        return new Ceilings(kafkaProducer(stack, "bench.ceiling." + UUID.randomUUID(), kafkaRecords, recordBytes),
                postgresCommitRate(stack, "benchmarks", 1, postgres), postgresCommitRate(stack, "benchmarks", 4, postgres),
                recordBytes);
    }

    /** The usual measure: 100,000 Kafka records, five seconds of commits for each client count. */
    public static Ceilings measure(StackInfo stack, int recordBytes) throws IOException, InterruptedException, SQLException {
        return measure(stack, 100_000, recordBytes, Duration.ofSeconds(5));
    }

    public double kafkaRecordsPerSecond() {
        return ((Number) kafka.get("recordsPerSecond")).doubleValue();
    }

    public double commitsPerSecond1() {
        return ((Number) postgres1.get("commitsPerSecond")).doubleValue();
    }

    public double commitsPerSecond4() {
        return ((Number) postgres4.get("commitsPerSecond")).doubleValue();
    }

    /** The ceilings as the results file holds them. */
    public Map<String, Object> json() {
        return Map.of("kafkaProducer", kafka, "postgres1Client", postgres1, "postgres4Clients", postgres4);
    }

    /** The three rows every benchmark's table starts with, and the ceilings in its JSON. */
    public Report addTo(Report report) {
        return report.put("ceilings", json())
                .row("Kafka producer ceiling (" + (recordBytes % 1024 == 0 ? recordBytes / 1024 + " KB" : recordBytes + " B")
                        + ", acks=all)", Report.number(kafkaRecordsPerSecond())
                        + " rec/s", "", "")
                .row("PostgreSQL commits/s, 1 client", Report.number(commitsPerSecond1()), "", "")
                .row("PostgreSQL commits/s, 4 clients", Report.number(commitsPerSecond4()), "", "");
    }

    /**
     * Kafka's own producer performance tool ({@code org.apache.kafka.tools.ProducerPerformance}) at
     * the given record size, acks=all, one topic of 3 partitions, unthrottled.
     */
    public static Map<String, Object> kafkaProducer(StackInfo stack, String topic, int records, int recordSize)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Classpath.javaExecutable(), "-Xmx512m", "-cp", Classpath.devstack(),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + stack.kafkaBootstrapServers(), "acks=all", "linger.ms=5", "batch.size=131072"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("records sent")) {
                    last = line;
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || last == null) {
            throw new IllegalStateException("ProducerPerformance did not report a summary");
        }
        Matcher m = SUMMARY.matcher(last);
        if (!m.find()) {
            throw new IllegalStateException("unexpected ProducerPerformance output: " + last);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tool", "org.apache.kafka.tools.ProducerPerformance");
        result.put("records", Long.parseLong(m.group(1)));
        result.put("recordSizeBytes", recordSize);
        result.put("recordsPerSecond", Double.parseDouble(m.group(2)));
        result.put("mbPerSecond", Double.parseDouble(m.group(3)));
        result.put("avgLatencyMs", Double.parseDouble(m.group(4)));
        result.put("p99LatencyMs", Double.parseDouble(m.group(8)));
        result.put("settings", "acks=all linger.ms=5 batch.size=131072, 3 partitions");
        return result;
    }

    /** Commits per second of a one-row insert (a 1 KB jsonb row) per transaction, by {@code clients} connections. */
    public static Map<String, Object> postgresCommitRate(StackInfo stack, String database, int clients, Duration duration)
            throws SQLException, InterruptedException {
        try (Connection c = connect(stack, database); Statement s = c.createStatement()) {
            s.execute("create table if not exists ceiling_commit (id bigserial primary key, payload jsonb not null)");
        }
        String payload = "{\"pad\":\"" + "x".repeat(1000) + "\"}";
        AtomicLong commits = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = connect(stack, database);
                     PreparedStatement insert = c.prepareStatement("insert into ceiling_commit (payload) values (?::jsonb)")) {
                    c.setAutoCommit(false);
                    insert.setString(1, payload);
                    while (System.nanoTime() < deadline) {
                        insert.executeUpdate();
                        c.commit();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("commitsPerSecond", Math.round(commits.get() / (double) duration.toSeconds()));
        result.put("settings", "one 1 KB jsonb row per commit, " + serverSettings(stack, database));
        return result;
    }

    /** The server settings that decide what a commit costs (the dev stack runs without fsync). */
    private static String serverSettings(StackInfo stack, String database) throws SQLException {
        StringBuilder settings = new StringBuilder();
        try (Connection c = connect(stack, database); Statement s = c.createStatement()) {
            for (String name : List.of("synchronous_commit", "fsync", "wal_writer_delay")) {
                try (var rs = s.executeQuery("show " + name)) {
                    rs.next();
                    settings.append(settings.isEmpty() ? "" : " ").append(name).append('=').append(rs.getString(1));
                }
            }
        }
        return settings.toString();
    }

    /** A JDBC connection to one of the stack's databases. */
    public static Connection connect(StackInfo stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.postgresUser(), stack.postgresPassword());
    }
}
