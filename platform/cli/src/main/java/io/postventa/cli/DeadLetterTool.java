package io.postventa.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.postventa.devstack.DeadLetters;
import io.postventa.devstack.StackException;
import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;
import io.postventa.events.Topics;

/**
 * {@code ./postventa dlq list|show|replay}: the dead-letter topics of the running local stack, or of any cluster with
 * {@code --bootstrap-servers} (and {@code --kafka-property key=value} for its security settings), which is how a
 * deployment uses it (platform/devstack/README.md). {@code list} counts each {@code <topic>.dlq} by reason and consumer;
 * {@code show} prints the letters with their reason and event id; {@code replay} sends the chosen letters back to the
 * topic they came from with their event ids, so that a consumer that already applied an event skips it.
 */
public final class DeadLetterTool {
    private DeadLetterTool() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (StackException | IllegalArgumentException e) {
            System.err.println("postventa dlq: " + e.getMessage());
            System.exit(1);
        }
    }

    public static int run(String[] args) {
        if (args.length == 0 || List.of(args).contains("--help")) {
            System.out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a + "\n" + usage());
            }
            String name = a.substring(2);
            if (name.equals("all") || name.equals("dry-run") || name.equals("values")) {
                flags.add(name);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String value = args[++i];
            if (name.equals("kafka-property")) {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--kafka-property takes key=value, not " + value);
                }
                kafka.put(value.substring(0, eq), value.substring(eq + 1));
            } else {
                options.put(name, value);
            }
        }
        String bootstrap = options.containsKey("bootstrap-servers") ? options.get("bootstrap-servers")
                : runningStack(options.get("root"));
        try (DeadLetters dlq = new DeadLetters(bootstrap, kafka)) {
            switch (command) {
                case "list" -> list(dlq);
                case "show" -> show(dlq, topic(options), filter(options), flags.contains("values"),
                        Integer.parseInt(options.getOrDefault("limit", "50")));
                case "replay" -> {
                    Predicate<DeadLetters.Letter> filter = filter(options);
                    if (!flags.contains("all") && !options.containsKey("event-id") && !options.containsKey("offset")
                            && !options.containsKey("reason-code") && !options.containsKey("consumer")) {
                        throw new IllegalArgumentException("replay needs --all or a choice: --event-id, --offset "
                                + "(with --partition), --reason-code or --consumer");
                    }
                    replay(dlq, topic(options), filter, flags.contains("dry-run"));
                }
                default -> throw new IllegalArgumentException("no command " + command + "\n" + usage());
            }
        }
        return 0;
    }

    private static void list(DeadLetters dlq) {
        List<DeadLetters.Summary> all = dlq.summaries();
        System.out.printf("%-28s %8s  %s%n", "dead-letter topic", "records", "by reason / by consumer");
        for (DeadLetters.Summary s : all) {
            System.out.printf("%-28s %8d  %s%n", s.dlqTopic(), s.records(), s.records() == 0 ? "" : s.byReasonCode());
            if (s.records() > 0) {
                System.out.printf("%-28s %8s  %s%n", "", "", s.byConsumer());
            }
        }
        if (all.isEmpty()) {
            System.out.println("(no dead-letter topic on this cluster)");
        }
    }

    private static void show(DeadLetters dlq, String topic, Predicate<DeadLetters.Letter> filter, boolean values,
            int limit) {
        List<DeadLetters.Letter> letters = dlq.read(topic, filter);
        for (DeadLetters.Letter l : letters.subList(0, Math.min(limit, letters.size()))) {
            System.out.printf("%s  %s  event %s (%s), key %s%n", l.position(), Instant.ofEpochMilli(l.timestamp()),
                    l.eventId(), l.eventType(), l.key());
            System.out.printf("    %s by %s: %s%n", l.reasonCode(), l.consumerGroup(), l.reason());
            if (values) {
                System.out.println("    " + l.value());
            }
        }
        System.out.printf("%d of %d letters shown%s%n", Math.min(limit, letters.size()), letters.size(),
                values ? "" : " (--values prints each record's value, which may hold personal data)");
    }

    private static void replay(DeadLetters dlq, String topic, Predicate<DeadLetters.Letter> filter, boolean dryRun) {
        List<DeadLetters.Letter> letters = dlq.read(topic, filter);
        for (DeadLetters.Letter l : letters) {
            System.out.printf("%s %s -> %s (event %s)%n", dryRun ? "would replay" : "replaying", l.position(),
                    l.originalTopic(), l.eventId());
        }
        if (!dryRun) {
            dlq.replay(letters);
        }
        System.out.printf("%d letters %s; they stay in %s (a consumer skips an event id it already applied)%n",
                letters.size(), dryRun ? "would be replayed" : "replayed", topic);
    }

    private static String topic(Map<String, String> options) {
        String topic = options.get("topic");
        if (topic == null) {
            throw new IllegalArgumentException("--topic is needed (a dead-letter topic, or the topic it belongs to)");
        }
        return Topics.isDlq(topic) ? topic : Topics.dlq(topic);
    }

    private static Predicate<DeadLetters.Letter> filter(Map<String, String> o) {
        Predicate<DeadLetters.Letter> p = l -> true;
        if (o.containsKey("event-id")) {
            p = p.and(l -> o.get("event-id").equals(l.eventId()));
        }
        if (o.containsKey("partition")) {
            int partition = Integer.parseInt(o.get("partition"));
            p = p.and(l -> l.partition() == partition);
        }
        if (o.containsKey("offset")) {
            long offset = Long.parseLong(o.get("offset"));
            p = p.and(l -> l.offset() == offset);
        }
        if (o.containsKey("reason-code")) {
            p = p.and(l -> o.get("reason-code").equals(l.reasonCode()));
        }
        if (o.containsKey("consumer")) {
            p = p.and(l -> o.get("consumer").equals(l.consumerGroup()));
        }
        return p;
    }

    /** The Kafka of the stack {@code ./postventa up} runs from this checkout (its data directory's state file). */
    private static String runningStack(String root) {
        Path dir = StackSettings.local(Path.of(root == null ? "." : root)).dir();
        return StackState.read(dir.resolve("stack.properties")).filter(StackState::alive)
                .map(StackState::kafkaBootstrapServers)
                .orElseThrow(() -> new StackException("no running stack in " + dir + " (./postventa up), and no "
                        + "--bootstrap-servers"));
    }

    static String usage() {
        return """
                ./postventa dlq list|show|replay [options]
                  list                          every <topic>.dlq with its count by reason code and by consumer
                  show --topic T                the letters of T (a .dlq topic or the topic it belongs to): position,
                                                event id and type, key, reason code, consumer, reason
                  replay --topic T CHOICE       sends the chosen letters back to the topic they came from, key, value
                                                and event id unchanged (consumers skip an event id they applied)
                choices and filters (show and replay):
                  --event-id ID   --partition P   --offset O   --reason-code CODE   --consumer NAME   --all (replay)
                options:
                  --limit N                     show at most N letters (50)
                  --values                      show also prints each record's value (may hold personal data)
                  --dry-run                     replay says what it would send, and sends nothing
                  --bootstrap-servers H:P       a cluster of your own (a deployment) instead of the running stack
                  --kafka-property key=value    a Kafka client setting (security.protocol, sasl.*, ssl.*), repeatable
                """;
    }
}
