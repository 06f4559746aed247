package io.postventa.benchmarks.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.DevTokens;

/**
 * A service's own admin API, as a data set uses it: settings an admin makes (teams, agents, routing), and the
 * rebuild with which the service derives from bulk-loaded facts whatever it keeps derived.
 */
public final class ServiceAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningService service;
    private final String token = DevTokens.token("admin", "bench-admin", null, Duration.ofHours(4));

    public ServiceAdmin(RunningService service) {
        this.service = service;
    }

    /** PUT of a JSON body; fails unless the service answers 2xx. */
    public void put(String path, Map<String, Object> body) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(service.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /**
     * {@code POST /api/v1/maintenance/rebuild}: the service derives what it keeps derived from the facts in its
     * tables. Returns what it says it did (a million facts take minutes).
     */
    public Map<String, Object> rebuild() throws IOException, InterruptedException {
        System.out.printf("  %s derives the rest (POST /api/v1/maintenance/rebuild)...%n", service.name());
        long start = System.nanoTime();
        String body = send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/maintenance/rebuild"))
                .timeout(Duration.ofMinutes(60)).POST(HttpRequest.BodyPublishers.noBody()));
        Map<String, Object> result = JSON.readValue(body, new TypeReference<Map<String, Object>>() {
        });
        System.out.printf("  %-44s %7.1f s%n", "rebuild by the service", (System.nanoTime() - start) / 1e9);
        return result;
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(service.name() + " answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.uri().getPath() + ": " + response.body());
        }
        return response.body();
    }
}
