package io.postventa.benchmarks.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a Quarkus process spent on requests, from its own Micrometer timers in {@code /q/metrics} (Prometheus
 * text): {@code http_server_requests_seconds} (the requests it served, by URI template) and
 * {@code http_client_requests_seconds} (the requests it sent, e.g. the console's REST clients). Two readings give the
 * requests and seconds in between, so a benchmark can say where a page's time went: in the page's own process, or
 * in the services it waited for. The timers measure inside each process (from the request's arrival to the last byte
 * of the answer), not the network or queueing before it; {@code /q/...} (health, metrics) is left out.
 */
public final class ServerTimes {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    public static final String SERVER = "http_server_requests_seconds";
    public static final String CLIENT = "http_client_requests_seconds";

    private ServerTimes() {
    }

    /** Requests counted and seconds summed by one timer, per key. */
    public record Reading(Map<String, Timer> timers) {
        /** The requests and seconds between {@code earlier} and this reading, per key (keys with no request left out). */
        public Map<String, Timer> since(Reading earlier) {
            Map<String, Timer> out = new TreeMap<>();
            timers.forEach((key, t) -> {
                Timer before = earlier.timers.getOrDefault(key, new Timer(0, 0));
                if (t.count() > before.count()) {
                    out.put(key, new Timer(t.count() - before.count(), t.seconds() - before.seconds()));
                }
            });
            return out;
        }
    }

    /** A timer's count and total seconds (or their difference between two readings). */
    public record Timer(double count, double seconds) {
        public Timer plus(Timer other) {
            return new Timer(count + other.count, seconds + other.seconds);
        }

        /** Mean milliseconds per one of {@code per} (e.g. per page), whatever this timer counted. */
        public double msPer(double per) {
            return per <= 0 ? Double.NaN : seconds * 1000 / per;
        }

        public Map<String, Object> json() {
            return Map.of("requests", (long) count, "seconds", Latencies.round(seconds),
                    "meanMs", Latencies.round(count == 0 ? Double.NaN : seconds * 1000 / count));
        }
    }

    /** The served requests of the process at {@code baseUrl}, keyed by "METHOD uri" (the URI template). */
    public static Reading served(String baseUrl) {
        return read(baseUrl, SERVER, labels -> labels.get("method") + " " + labels.get("uri"));
    }

    /**
     * The requests the process at {@code baseUrl} sent, keyed by {@code key} of each series' labels (e.g. the
     * target's host and port, or "METHOD uri").
     */
    public static Reading sent(String baseUrl, Function<Map<String, String>, String> key) {
        return read(baseUrl, CLIENT, key);
    }

    /** The seconds of one timer of the process at {@code baseUrl}, summed by {@code key} of each series' labels. */
    public static Reading read(String baseUrl, String metric, Function<Map<String, String>, String> key) {
        String text;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(baseUrl + "/q/metrics answered " + response.statusCode());
            }
            text = response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + baseUrl + "/q/metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + baseUrl + "/q/metrics", e);
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            boolean count = line.startsWith(metric + "_count{");
            if (!count && !line.startsWith(metric + "_sum{")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher m = LABEL.matcher(line.substring(line.indexOf('{') + 1, close));
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
            String uri = labels.getOrDefault("uri", "");
            if (uri.startsWith("/q/")) {
                continue;
            }
            double value = Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]);
            sums.computeIfAbsent(key.apply(labels), k -> new double[2])[count ? 0 : 1] += value;
        }
        Map<String, Timer> timers = new LinkedHashMap<>();
        sums.forEach((k, v) -> timers.put(k, new Timer(v[0], v[1])));
        return new Reading(timers);
    }

    /** All of a reading's timers together. */
    public static Timer total(Map<String, Timer> timers) {
        return timers.values().stream().reduce(new Timer(0, 0), Timer::plus);
    }
}
