package io.postventa.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 from embedded binaries (no root, no Docker), with logical replication on
 * so each service's Debezium relay can read its WAL, and one database per service.
 */
public final class PostgresServer implements AutoCloseable {
    /** The role every service connects as; it owns its database and may replicate. */
    public static final String USER = "postventa";
    public static final String PASSWORD = "postventa";

    private final int port;
    private final Path dataDir;
    private final boolean clean;
    private EmbeddedPostgres postgres;
    private String synchronousCommit = "off";

    public PostgresServer(int port, Path dataDir, boolean clean) {
        this.port = port;
        this.dataDir = dataDir;
        this.clean = clean;
    }

    public int port() {
        return port;
    }

    /**
     * Commits acknowledged only once their WAL is written, as a production PostgreSQL does ({@code synchronous_commit
     * = on}). zonky's default, kept for the shared test stack and the benchmarks, is {@code off}: a SIGKILL of the
     * server can then lose the last commits the services were told had succeeded (an inbox row, say, whose Kafka
     * offset was already committed), which a fault run must not blame on the services.
     */
    public PostgresServer durableCommits() {
        this.synchronousCommit = "on";
        return this;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server and creates the role and the given databases if missing. */
    public PostgresServer start(List<String> databases) {
        Dirs.writable(dataDir, "PostgreSQL");
        stopStalePostmaster(dataDir.resolve("data"));
        Ports.requireFree(port, "PostgreSQL");
        Path log = dataDir.resolve("postgres.log");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("wal_writer_delay", "10ms")
                    .setServerConfig("max_slot_wal_keep_size", "2GB")
                    // Checkpoints as a production server under this write rate has them: at 1,000 order events/s the
                    // stack writes 3-5 MB of WAL a second, and the default 1 GB forced a checkpoint every ~110 s, after
                    // which the first change of every page is logged in full (the WAL doubled for ~30 s, for five
                    // walsenders to decode). docs/performance/2026-12-07-wal.md
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("synchronous_commit", synchronousCommit);
            extraSettings(StackSettings.setting("POSTVENTA_PG_SETTINGS", "")).forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL cannot start: " + rootMessage(e) + "; see " + log, e);
        }
        createRoleAndDatabases(databases);
        return this;
    }

    /**
     * {@code POSTVENTA_PG_SETTINGS}: more server settings, {@code name=value} separated by spaces, after (and so
     * over) the ones above; unset by default. For measurements, e.g.
     * {@code shared_preload_libraries=pg_stat_statements pg_stat_statements.track=all}.
     */
    static Map<String, String> extraSettings(String spec) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : spec.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new StackException("POSTVENTA_PG_SETTINGS: '" + pair + "' is not name=value");
            }
            settings.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return settings;
    }

    private void createRoleAndDatabases(List<String> databases) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + USER + "'")) {
                s.execute("create role " + USER + " login replication createdb password '" + PASSWORD + "'");
            }
            for (String db : databases) {
                if (!exists(s, "select 1 from pg_database where datname = '" + db + "'")) {
                    s.execute("create database " + db + " owner " + USER);
                }
            }
        } catch (SQLException e) {
            throw new StackException("PostgreSQL started but its databases could not be created: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    /** A postmaster left by a stack that was killed (SIGKILL) would hold the port and the data. */
    private static void stopStalePostmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(stale -> {
                System.err.println("[devstack] stopping a PostgreSQL left running by an earlier stack (pid " + pid + ")");
                stale.destroy();
                Ports.await(Duration.ofSeconds(30), Duration.ofMillis(200), () -> !stale.isAlive());
            });
        } catch (IOException | RuntimeException e) {
            // not a readable pid file: PostgreSQL itself will say what is wrong
        }
    }

    /**
     * Kills the postmaster and every backend with SIGKILL at once, as a crash of the machine's database would, and
     * waits until they are gone; {@link #start} runs it again on the same data (PostgreSQL recovers from its WAL).
     * Returns the postmaster's pid. Only a server started without {@code clean}: that one deletes its data when closed.
     */
    public long kill() {
        if (clean) {
            throw new IllegalStateException("a PostgreSQL started with clean data deletes it when closed: start it with "
                    + "clean=false to kill and restart it on the same data");
        }
        long pid = postmasterPid(dataDir.resolve("data"));
        List<ProcessHandle> all = new java.util.ArrayList<>();
        ProcessHandle.of(pid).ifPresent(postmaster -> {
            all.add(postmaster);
            postmaster.descendants().forEach(all::add);
        });
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new StackException("PostgreSQL process " + p.pid() + " did not die: " + e, e);
            }
        }
        // zonky's handle: its stop fails on the dead server (logged), then it releases its lock on the data directory
        close();
        return pid;
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid}. */
    private static long postmasterPid(Path data) {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL is not running in " + data + ": no readable postmaster.pid", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("[devstack] PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }
}
