package io.postventa.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.postventa.events.Topics;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker + controller), run as a child JVM from
 * the broker jars on Maven Central. Listeners bind to 127.0.0.1 only.
 */
public final class KafkaBroker implements AutoCloseable {
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final String heap;
    private Process process;

    public KafkaBroker(int port, int controllerPort, Path dataDir, String heap) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.heap = heap;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats storage if new, starts the broker and returns once it has acknowledged a produce. */
    public KafkaBroker start(Duration timeout) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        Dirs.writable(dataDir, "Kafka");
        Path logDir = dataDir.resolve("data");
        Path config = dataDir.resolve("server.properties");
        Path log = dataDir.resolve("kafka.log");
        writeConfig(config, logDir);
        writeLog4j(dataDir.resolve("log4j2.properties"));

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config, log);
        }
        List<String> command = javaCommand();
        command.add(ParentWatchingMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add("kafka.Kafka");
        command.add(config.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new StackException("Kafka cannot start: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!acceptsProduce()) {
            if (!process.isAlive()) {
                throw new StackException("Kafka exited with code " + process.exitValue() + " during start-up; see "
                        + log + lastErrorLine(log));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new StackException("Kafka did not accept a produce within " + timeout.toSeconds()
                        + " s; see " + log);
            }
        }
        return this;
    }

    /**
     * Creates the platform's topics and their dead-letter topics if missing, so no consumer or
     * producer races the broker's auto-creation (customers.v1 is compacted).
     */
    public void createContractTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.dlq(topic))) {
                    if (!existing.contains(name)) {
                        NewTopic newTopic = new NewTopic(name, 3, (short) 1);
                        if (Topics.CUSTOMERS.equals(name)) {
                            newTopic.configs(Map.of("cleanup.policy", "compact"));
                        }
                        missing.add(newTopic);
                    }
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StackException("Kafka started but the platform's topics could not be created: " + e, e);
        }
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    private boolean acceptsProduce() {
        if (!Ports.isOpen(port)) {
            sleep(250);
            return false;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "3000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "2500");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>("__devstack_ready", "ready", "ready")).get(4, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            sleep(250);
            return false;
        }
    }

    private void format(Path config, Path log) {
        List<String> command = javaCommand();
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "-t", UUID.randomUUID().toString(), "-c", config.toString()));
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new StackException("Kafka storage format failed; see " + log + lastErrorLine(log));
            }
        } catch (IOException e) {
            throw new StackException("Kafka storage format failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage");
        }
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Classpath.javaExecutable());
        command.add("-Xms128m");
        command.add("-Xmx" + heap);
        command.add("-XX:+UseG1GC");
        command.add("-XX:MaxGCPauseMillis=20");
        command.add("-Djava.awt.headless=true");
        command.add("-Dkafka.logs.dir=" + dataDir);
        command.add("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(Classpath.devstack());
        return command;
    }

    private void writeConfig(Path config, Path logDir) {
        String props = String.join("\n",
                "# Written by the Postventa devstack; changes are overwritten at the next start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // After a crash (SIGKILL) the metadata log still holds this node's registration, unfenced, and the
                // restarted controller refuses the new registration until that old broker session has expired
                // (DuplicateBrokerRegistrationException, KAFKA-19130): with the default 9 s session a killed broker
                // took ~14 s to serve again. One node heartbeats itself in-process, so a short session is safe.
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=2500",
                "log.retention.hours=168",
                "log.segment.bytes=67108864",
                "num.network.threads=2",
                "num.io.threads=4",
                "");
        try {
            Files.writeString(config, props, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Kafka cannot start: cannot write " + config + ": " + e.getMessage(), e);
        }
    }

    private static void writeLog4j(Path file) {
        String props = String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = WARN",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = WARN",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = INFO",
                // says when the controller took the restarted broker's registration (the wait after a crash)
                "logger.cluster.name = org.apache.kafka.controller.ClusterControlManager",
                "logger.cluster.level = INFO",
                "");
        try {
            Files.writeString(file, props, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String lastErrorLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.contains("ERROR") || line.contains("Exception")) {
                    return " (" + line.trim() + ")";
                }
            }
        } catch (IOException ignored) {
            // the caller already names the log file
        }
        return "";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the broker with SIGKILL, as a crash would (no controlled shutdown, nothing flushed by the broker), and
     * waits until it is gone; {@link #start} runs it again on the same data.
     */
    public void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the broker cleanly (SIGTERM, controlled shutdown), forcibly after 20 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
