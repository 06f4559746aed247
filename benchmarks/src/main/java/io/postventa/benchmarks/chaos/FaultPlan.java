package io.postventa.benchmarks.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order and timing of the kills, from a seed: each target {@code killsEach} times in a shuffled order (never the
 * same target twice in a row when there is a choice), each kill after a random pause once the previous one has
 * recovered. The same seed gives the same plan; where in the traffic a kill lands still depends on the machine.
 */
public record FaultPlan(long seed, List<Fault> faults) {

    /** One kill: what, and how long to wait before it (after the previous kill recovered). */
    public record Fault(Target target, Duration pauseBefore) {
    }

    public static FaultPlan of(long seed, List<Target> targets, int killsEach, Duration minPause, Duration maxPause) {
        Random random = new Random(seed);
        List<Target> order = new ArrayList<>();
        for (int i = 0; i < killsEach; i++) {
            order.addAll(targets);
        }
        Collections.shuffle(order, random);
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i).equals(order.get(i - 1))) {
                for (int j = i + 1; j < order.size(); j++) {
                    if (!order.get(j).equals(order.get(i - 1))) {
                        Collections.swap(order, i, j);
                        break;
                    }
                }
            }
        }
        long span = Math.max(0, maxPause.toMillis() - minPause.toMillis());
        List<Fault> faults = new ArrayList<>();
        for (Target t : order) {
            long pause = minPause.toMillis() + (span == 0 ? 0 : (long) (random.nextDouble() * span));
            faults.add(new Fault(t, Duration.ofMillis(pause)));
        }
        return new FaultPlan(seed, List.copyOf(faults));
    }
}
