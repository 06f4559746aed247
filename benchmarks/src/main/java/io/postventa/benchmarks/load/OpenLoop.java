package io.postventa.benchmarks.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.postventa.benchmarks.measure.Latencies;

/**
 * An open-loop request load: request {@code i} is due at {@code i / rate} seconds and is sent then, whatever the
 * earlier ones are doing, as independent visitors would; its latency runs from when it was due to when its answer
 * was complete, so a server that falls behind shows in the figures rather than slowing the load down (no coordinated
 * omission). The first {@code warmup} of requests are sent but not counted.
 */
public final class OpenLoop {
    private OpenLoop() {
    }

    /**
     * One request, started asynchronously: completes with null when the answer is what was expected, else with what
     * was wrong (a status and the start of the body).
     */
    public interface Call {
        CompletableFuture<String> start(int index);
    }

    /** What a run achieved. */
    public record Result(double rate, long sent, long errors, double seconds, double maxBehindMs, Latencies latencies,
            Map<String, Long> errorKinds, String errorSample) {

        public double achievedPerSecond() {
            return sent / seconds;
        }

        public Map<String, Object> summary() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ratePerSecond", rate);
            out.put("measuredRequests", sent);
            out.put("errors", errors);
            out.put("seconds", Latencies.round(seconds));
            out.put("achievedPerSecond", Latencies.round(achievedPerSecond()));
            out.put("maxSendBehindScheduleMs", Latencies.round(maxBehindMs));
            Map<String, Object> l = new LinkedHashMap<>(latencies.summary());
            l.put("p95Ms", Latencies.round(latencies.percentile(95)));
            out.put("latency", l);
            if (!errorKinds.isEmpty()) {
                out.put("errorKinds", errorKinds);
                out.put("errorSample", errorSample);
            }
            return out;
        }
    }

    /** Sends at {@code perSecond} for {@code warmup} (not counted), then for {@code measure}, and waits for the answers. */
    public static Result run(double perSecond, Duration warmup, Duration measure, Call call) throws InterruptedException {
        long intervalNanos = (long) (1e9 / perSecond);
        long warmupCount = (long) (perSecond * warmup.toNanos() / 1e9);
        long total = warmupCount + (long) (perSecond * measure.toNanos() / 1e9);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        AtomicReference<String> errorSample = new AtomicReference<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        long maxBehind = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxBehind = Math.max(maxBehind, -wait);
            boolean measured = i >= warmupCount;
            outstanding.incrementAndGet();
            CompletableFuture<String> answer;
            try {
                answer = call.start((int) i);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((wrong, failure) -> {
                long done = System.nanoTime();
                outstanding.decrementAndGet();
                if (!measured) {
                    return;
                }
                String problem = failure != null ? failure.toString() : wrong;
                if (problem == null) {
                    latencies.add((done - due) / 1e6);
                } else {
                    errors.incrementAndGet();
                    errorKinds.merge(problem.split("[:\\s]", 2)[0], 1L, Long::sum);
                    errorSample.compareAndSet(null, problem.substring(0, Math.min(300, problem.length())));
                }
            });
        }
        long lastDue = start + (total - 1) * intervalNanos;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        long unanswered = outstanding.get();
        if (unanswered > 0) {
            errors.addAndGet(unanswered);
            errorKinds.merge("unanswered-within-60s", unanswered, Long::sum);
        }
        double seconds = (lastDue - (start + warmupCount * intervalNanos)) / 1e9 + 1 / perSecond;
        return new Result(perSecond, total - warmupCount, errors.get(), seconds, maxBehind / 1e6,
                Latencies.of(latencies), Map.copyOf(errorKinds), errorSample.get());
    }
}
