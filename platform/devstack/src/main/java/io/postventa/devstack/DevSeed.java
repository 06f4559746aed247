package io.postventa.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seeds the local stack's people into ticket-service through its admin API, from {@code dev-users.json}: the partner
 * team, the routing of some reasons to it, and an agent for each seeded agent and partner agent. Every call is a
 * PUT of the same document, so a restart seeds again without duplicating anything.
 */
public final class DevSeed {
    /** The seeded users, teams and routing (a devstack resource; the console's development sign-in lists the users). */
    public static final String USERS_RESOURCE = "dev-users.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DevSeed() {
    }

    /** Seeds ticket-service at {@code ticketUrl}; returns what it did, for the start-up log. */
    public static String seed(String ticketUrl) {
        JsonNode data = read();
        String token = "Bearer " + DevTokens.token("admin", "devstack-seed", null, Duration.ofMinutes(5));
        int teams = 0;
        int agents = 0;
        for (JsonNode team : data.path("teams")) {
            ObjectNode body = JSON.createObjectNode().put("name", team.path("name").asText())
                    .put("partner", team.path("partner").asBoolean()).put("agentCap", team.path("agentCap").asInt(25));
            put(ticketUrl + "/api/v1/teams/" + team.path("id").asText(), body, token);
            teams++;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.path("routing").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> rule = it.next();
            put(ticketUrl + "/api/v1/routing-rules/" + rule.getKey(),
                    JSON.createObjectNode().put("teamId", rule.getValue().asText()), token);
        }
        for (JsonNode user : data.path("users")) {
            String role = user.path("role").asText();
            if (!role.equals("agent") && !role.equals("partner-agent")) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode().put("teamId", user.path("team").asText("in-house"))
                    .put("name", user.path("name").asText()).put("available", true);
            put(ticketUrl + "/api/v1/agents/" + user.path("id").asText(), body, token);
            agents++;
        }
        return teams + " team(s), " + data.path("routing").size() + " routing rule(s) and " + agents + " agent(s)";
    }

    private static void put(String url, JsonNode body, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StackException("seeding " + url + " failed with " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new StackException("seeding " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while seeding " + url);
        }
    }

    private static JsonNode read() {
        try (InputStream in = DevSeed.class.getClassLoader().getResourceAsStream(USERS_RESOURCE)) {
            if (in == null) {
                throw new StackException(USERS_RESOURCE + " is not on devstack's classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new StackException("cannot read " + USERS_RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
