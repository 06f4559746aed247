package io.postventa.messaging.outbox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * A family of counters of the facts a service publishes ({@code postventa_<name>_total{labels}}), for the services'
 * {@link OutboxListener}s. Label values are lower-case enum names; the combinations known up front are registered at
 * zero, so a rate over a counter that has not moved yet is 0 instead of missing.
 */
public final class EventCounters {
    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();

    public EventCounters(MeterRegistry registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    /** Registers the counter of these label values at zero. */
    public EventCounters register(String... keyValues) {
        counter(keyValues);
        return this;
    }

    /** Counts one more fact with these label values (nulls become "unknown"). */
    public void increment(String... keyValues) {
        counter(keyValues).increment();
    }

    private Counter counter(String... keyValues) {
        String[] normalized = new String[keyValues.length];
        for (int i = 0; i < keyValues.length; i++) {
            String value = keyValues[i];
            normalized[i] = i % 2 == 0 ? value : value == null ? "unknown" : value.toLowerCase(Locale.ROOT);
        }
        Tags tags = Tags.of(normalized);
        return counters.computeIfAbsent(tags, t -> Counter.builder(name).description(description).tags(t)
                .register(registry));
    }
}
