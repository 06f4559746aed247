package io.postventa.benchmarks.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.postventa.devstack.PlatformService;

/** What the fault run kills: one of the five services, the Kafka broker or PostgreSQL. */
public record Target(Kind kind, PlatformService service) {

    public enum Kind { SERVICE, KAFKA, POSTGRES }

    public static final Target KAFKA = new Target(Kind.KAFKA, null);
    public static final Target POSTGRES = new Target(Kind.POSTGRES, null);

    public static Target of(PlatformService service) {
        return new Target(Kind.SERVICE, service);
    }

    /** All seven: the five services, Kafka, PostgreSQL. */
    public static List<Target> all() {
        List<Target> out = new ArrayList<>();
        PlatformService.all().forEach(s -> out.add(of(s)));
        out.add(KAFKA);
        out.add(POSTGRES);
        return out;
    }

    /** A target by its name: a service's name, {@code kafka} or {@code postgres}. */
    public static Target parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("kafka")) {
            return KAFKA;
        }
        if (n.equals("postgres") || n.equals("postgresql")) {
            return POSTGRES;
        }
        return PlatformService.all().stream().filter(s -> s.serviceName().equals(n)).findFirst().map(Target::of)
                .orElseThrow(() -> new IllegalArgumentException("no such target: " + name
                        + " (a service name, kafka or postgres)"));
    }

    public String name() {
        return switch (kind) {
            case SERVICE -> service.serviceName();
            case KAFKA -> "kafka";
            case POSTGRES -> "postgres";
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
