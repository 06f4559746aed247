package io.postventa.benchmarks.load;

import java.time.Duration;

import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.devstack.PlatformService;

/** The customers notification-service must know before it can send them anything. */
public final class Customers {
    private Customers() {
    }

    /**
     * Publishes customers {@code 0 .. count-1} on customers.v1 (every channel's contact point and consent) and waits
     * until notification-service has stored them all; returns the seconds it took.
     */
    public static double preload(BenchStack stack, Producer producer, int count) {
        System.out.printf("Preloading %,d customers through customers.v1...%n", count);
        long start = System.nanoTime();
        producer.burst(BenchEvents::customer, 0, count);
        producer.requireNoFailures();
        stack.awaitCount(PlatformService.NOTIFICATION.database(),
                "select count(*) from customer_contact where customer_id like 'BENCH-C%'", count, Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %,d customers stored in %.1f s (%,.0f/s)%n", count, seconds, count / seconds);
        return seconds;
    }
}
