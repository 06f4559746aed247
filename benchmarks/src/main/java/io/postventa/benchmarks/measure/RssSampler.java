package io.postventa.benchmarks.measure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The peak resident memory of some processes, sampled twice a second. */
public final class RssSampler implements AutoCloseable {
    private final Map<Long, Long> peaks = new ConcurrentHashMap<>();
    private final Sampler sampler;

    private RssSampler(List<Long> pids) {
        sampler = Sampler.every(Duration.ofMillis(500), "rss-sampler", () -> {
            for (long pid : pids) {
                peaks.merge(pid, ProcessStats.rssMb(pid), Math::max);
            }
        });
    }

    public static RssSampler start(List<Long> pids) {
        return new RssSampler(pids);
    }

    public long peak(long pid) {
        return peaks.getOrDefault(pid, -1L);
    }

    public void stop() {
        sampler.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
