package io.postventa.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Named counters the simulator and the topic watcher bump from several threads. */
final class Tally {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void add(String name) {
        add(name, 1);
    }

    void add(String name, long n) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    long get(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    /** Sum of every counter whose name starts with {@code prefix}. */
    long sum(String prefix) {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** The counters whose name starts with {@code prefix}, by the rest of their name. */
    Map<String, Long> byPrefix(String prefix) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v.sum());
            }
        });
        return out;
    }
}
