package io.postventa.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.postventa.benchmarks.measure.Latencies;

/**
 * A closed-loop HTTP load: {@code concurrency} clients each send a request, wait for the answer and send the
 * next, for a warm-up and then a measured period (or a fixed number of requests). Every measured response time
 * goes into a {@link Latencies}; answers with an unexpected status count as errors, with a sample kept.
 */
public final class HttpLoad {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpLoad() {
    }

    /** What one run achieved. */
    public record Result(int concurrency, long requests, long errors, double seconds, Latencies latencies,
            Map<Integer, Long> statuses, String errorSample, URI slowest) {

        public double perSecond() {
            return requests / seconds;
        }

        public Map<String, Object> summary() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("concurrency", concurrency);
            out.put("requests", requests);
            out.put("errors", errors);
            out.put("seconds", Latencies.round(seconds));
            out.put("perSecond", Latencies.round(perSecond()));
            out.put("responseTime", latencies.summary());
            out.put("statuses", statuses);
            if (errorSample != null) {
                out.put("errorSample", errorSample);
            }
            return out;
        }
    }

    /** A GET with a bearer token. */
    public static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    /** Sends requests from {@code concurrency} clients for {@code warmup}, then measures for {@code measure}. */
    public static Result forDuration(int concurrency, Duration warmup, Duration measure, int expectedStatus,
            IntFunction<HttpRequest> next) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        return run(concurrency, expectedStatus, next, i -> System.nanoTime() < end, measureFrom, Long.MAX_VALUE);
    }

    /** Sends {@code warmup} unmeasured, then {@code count} measured requests from {@code concurrency} clients. */
    public static Result forCount(int concurrency, int warmup, int count, int expectedStatus,
            IntFunction<HttpRequest> next) throws InterruptedException {
        return run(concurrency, expectedStatus, next, i -> i < warmup + count, 0, warmup);
    }

    private interface Continue {
        boolean test(int index);
    }

    private static Result run(int concurrency, int expectedStatus, IntFunction<HttpRequest> next, Continue more,
            long measureFromNanos, long measureFromIndex) throws InterruptedException {
        AtomicInteger sequence = new AtomicInteger();
        List<double[]> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong firstMeasured = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastMeasured = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        String[] errorSample = new String[1];
        // the measured request that took longest, for a look at what made it slow
        double[] slowestMs = {-1};
        URI[] slowest = new URI[1];
        List<Thread> threads = new ArrayList<>();
        List<List<Double>> samples = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            List<Double> mine = new ArrayList<>();
            samples.add(mine);
            Thread thread = new Thread(() -> {
                while (true) {
                    int i = sequence.getAndIncrement();
                    if (!more.test(i)) {
                        return;
                    }
                    HttpRequest request = next.apply(i);
                    long sent = System.nanoTime();
                    int status;
                    String body = null;
                    try {
                        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body();
                    } catch (IOException e) {
                        status = -1;
                        body = e.toString();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long done = System.nanoTime();
                    boolean measured = i >= measureFromIndex || (measureFromIndex == Long.MAX_VALUE && sent >= measureFromNanos);
                    if (!measured) {
                        continue;
                    }
                    firstMeasured.accumulateAndGet(sent, Math::min);
                    lastMeasured.accumulateAndGet(done, Math::max);
                    statuses.merge(status, 1L, Long::sum);
                    if (status != expectedStatus) {
                        errors.incrementAndGet();
                        synchronized (errorSample) {
                            if (errorSample[0] == null) {
                                errorSample[0] = status + " " + request.uri() + ": "
                                        + (body == null ? "" : body.substring(0, Math.min(400, body.length())));
                            }
                        }
                    } else {
                        double ms = (done - sent) / 1e6;
                        mine.add(ms);
                        synchronized (slowest) {
                            if (ms > slowestMs[0]) {
                                slowestMs[0] = ms;
                                slowest[0] = request.uri();
                            }
                        }
                    }
                }
            }, "http-load-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (List<Double> mine : samples) {
            perThread.add(mine.stream().mapToDouble(Double::doubleValue).toArray());
        }
        int total = perThread.stream().mapToInt(a -> a.length).sum();
        double[] all = new double[total];
        int k = 0;
        for (double[] a : perThread) {
            System.arraycopy(a, 0, all, k, a.length);
            k += a.length;
        }
        long requests = statuses.values().stream().mapToLong(Long::longValue).sum();
        double seconds = Math.max(1e-9, (lastMeasured.get() - firstMeasured.get()) / 1e9);
        return new Result(concurrency, requests, errors.get(), seconds, new Latencies(all), Map.copyOf(statuses),
                errorSample[0], slowest[0]);
    }
}
