package io.postventa.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the resident memory of some processes twice a second and keeps each one's peak. */
public final class RssSampler {
    private final Map<Long, Long> peaks = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private RssSampler(List<Long> pids) {
        thread = new Thread(() -> {
            while (running) {
                for (long pid : pids) {
                    peaks.merge(pid, ProcessStats.rssMb(pid), Math::max);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
    }

    public static RssSampler start(List<Long> pids) {
        RssSampler s = new RssSampler(pids);
        s.thread.start();
        return s;
    }

    public long peak(long pid) {
        return peaks.getOrDefault(pid, -1L);
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }
}
