package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.FEEDBACK;
import static io.postventa.devstack.PlatformService.NOTIFICATION;
import static io.postventa.devstack.PlatformService.TICKET;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.devstack.DevTokens;
import io.postventa.events.Topics;
import io.postventa.systemtests.OpenApiDocuments.ApiOperation;
import io.postventa.testing.TopicRecorder;
import io.postventa.testing.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The role matrix, read from each service's own {@code /q/openapi}: every operation has a summary, its answers and its
 * security (the bearer scheme with the roles that may call it, or {@code security: []} when it is public on purpose);
 * every secured operation refuses no token, an expired token and a token signed by another key with 401, and every
 * role it does not list with 403, each answer one the operation declares and problem+json (a 401 with its bearer
 * challenge); another customer's token reaches none of
 * a customer's order, return, ticket, survey answer or preferences, and no answer to it holds any of that data.
 */
class ApiRoleMatrixSystemTest extends SystemTest {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static List<ApiOperation> operations;
    private static TopicRecorder feedback;

    @BeforeAll
    static void readDocuments() {
        operations = OpenApiDocuments.all();
        feedback = kafka.record(Topics.FEEDBACK);
    }

    @AfterAll
    static void stopRecording() {
        feedback.close();
    }

    @Test
    void everyOperationDeclaresASummaryItsAnswersAndItsSecurity() {
        List<String> wrong = new ArrayList<>();
        for (ApiOperation op : operations) {
            String summary = op.operation().getSummary();
            // Quarkus can make up a summary from the method name ("Get", "Save Priority Rules"): that says nothing.
            if (summary == null || summary.isBlank() || summary.trim().split("\\s+").length < 3
                    || summary.matches("([A-Z][A-Za-z0-9]*\\s*)+")) {
                wrong.add(op + ": no summary of its own (" + summary + ")");
            }
            if (op.declaredStatuses().stream().noneMatch(s -> s.startsWith("2"))) {
                wrong.add(op + ": declares no success answer");
            }
            if (op.operation().getSecurity() == null) {
                wrong.add(op + ": declares no security (neither roles nor security: [] for a public operation)");
            } else if (!op.declaredPublic()) {
                if (op.roles().isEmpty() || !OpenApiDocuments.ROLES.containsAll(op.roles())) {
                    wrong.add(op + ": its security lists no roles, or unknown ones: " + op.roles());
                }
                if (!op.declaredStatuses().containsAll(List.of("401", "403"))) {
                    wrong.add(op + ": secured but does not declare 401 and 403: " + op.declaredStatuses());
                }
            }
            boolean takesInput = !op.parameters().isEmpty() || !op.bodies().isEmpty();
            if (takesInput && !op.declaredStatuses().contains("400") && !op.declaredStatuses().contains("404")) {
                wrong.add(op + ": takes input but declares neither 400 nor 404: " + op.declaredStatuses());
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " operation(s) of " + operations.size()
                + " are not documented as a client needs:\n" + String.join("\n", wrong));
    }

    @Test
    void everySecuredOperationRefusesBadTokensWith401AndRolesItDoesNotListWith403AsProblemJson() {
        String otherKey = signedByAnotherKey("admin");
        List<String> wrong = new ArrayList<>();
        for (ApiOperation op : operations) {
            if (op.declaredPublic() || op.roles().isEmpty()) {
                continue;
            }
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("no token", null);
            callers.put("a token expired a minute ago", DevTokens.token(op.roles().get(0), "expired-st", null, Duration.ofMinutes(-1)));
            callers.put("a token signed by another key", otherKey);
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                expect(op, caller.getKey(), caller.getValue(), 401, wrong);
            }
            for (String role : OpenApiDocuments.ROLES) {
                if (!op.roles().contains(role)) {
                    String token = "partner-agent".equals(role) ? Tokens.partnerAgent("partner-st", "team-st")
                            : Tokens.of(role, role + "-st");
                    expect(op, "a token of role " + role, token, 403, wrong);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " refusal(s) were not as declared:\n" + String.join("\n", wrong));
    }

    @Test
    void anotherCustomerReachesNoneOfACustomersDataThroughAnyOperation() {
        Shop.Customer owner = Shop.Customer.fresh("es");
        shop.upsert(owner);
        Shop.Order order = shop.order(owner.id())
                .deliveredAt(Instant.now().minus(3, ChronoUnit.HOURS), "TSHIRT-BLU-M", "apparel", "19.90");
        JsonNode invited = FeedbackSystemTest.awaitInvitation(feedback, owner, order);
        String surveyId = invited.get("surveyId").asText();
        String secretComment = "Comentario privado " + UUID.randomUUID();
        Api.anonymous(FEEDBACK).body(Map.of("score", 3, "comment", secretComment))
                .post("/api/v1/surveys/" + invited.get("token").asText() + "/answers").then().statusCode(201);
        ReturnsSystemTest.awaitReturnable(owner, order, "TSHIRT-BLU-M");
        String returnId = ReturnsSystemTest.requestReturn(owner, order, "TSHIRT-BLU-M", "SIZE_FIT");
        String secretMessage = "Mensaje privado " + UUID.randomUUID();
        // Retried: a contact racing a consumer on the same ticket can still fail today (issue 32, item 8).
        String idempotencyKey = UUID.randomUUID().toString();
        String ticketId = await().atMost(WAIT).until(() -> {
            Response created = Api.asCustomer(TICKET, owner.id()).header("Idempotency-Key", idempotencyKey)
                    .body(Map.of("channel", "EMAIL", "orderId", order.id(), "message", secretMessage))
                    .post("/api/v1/contacts");
            return created.statusCode() == 201 ? created.path("ticketId") : null;
        }, java.util.Objects::nonNull);
        Api.asCustomer(NOTIFICATION, owner.id()).body(Map.of("language", "pt"))
                .put("/api/v1/customers/me/preferences").then().statusCode(200);

        Map<String, String> ownersIds = Map.of("orderId", order.id(), "returnId", returnId, "customerId", owner.id(),
                "id", ticketId, "surveyId", surveyId);
        List<String> secrets = List.of(owner.email(), owner.lastName(), owner.phone(), owner.id(), order.id(), returnId,
                ticketId, surveyId, secretComment, secretMessage);
        String other = Shop.id("CUST");
        List<String> wrong = new ArrayList<>();
        int called = 0;
        for (ApiOperation op : operations) {
            if (!op.roles().contains("customer")) {
                continue;
            }
            called++;
            String path = fill(op.path(), ownersIds);
            String sent = path + " " + bodyFor(op, order.id());
            Response response = request(op, Tokens.customer(other), bodyFor(op, order.id())).request(op.method(), path);
            int status = response.statusCode();
            String body = response.asString();
            boolean ownersResource = !path.equals(op.path()) || op.path().equals("/api/v1/returns")
                    || op.path().equals("/api/v1/contacts");
            if (ownersResource && status != 403 && status != 404) {
                wrong.add(op + " at " + path + " answered " + status + " to another customer, not 403 or 404: " + excerpt(body));
            }
            if (!op.declaredStatuses().contains(Integer.toString(status))) {
                wrong.add(op + " answered " + status + ", which it does not declare " + op.declaredStatuses());
            }
            if (status == 401 || status == 403) {
                problemJson(op, "another customer's token", response, wrong);
            }
            // The answer may repeat what the caller sent (an id in the path or body); nothing else of the owner's.
            for (String secret : secrets) {
                if (secret != null && !sent.contains(secret) && body.contains(secret)) {
                    wrong.add(op + " at " + path + " told another customer '" + secret + "': " + excerpt(body));
                }
            }
        }
        Api.asCustomer(NOTIFICATION, owner.id()).get("/api/v1/customers/me/preferences").then().statusCode(200);
        assertTrue(called >= 10, "only " + called + " operations are open to customers");
        assertTrue(wrong.isEmpty(), wrong.size() + " problem(s) with another customer's token:\n" + String.join("\n", wrong));
    }

    private static void expect(ApiOperation op, String who, String token, int expected, List<String> wrong) {
        String path = fill(op.path(), Map.of());
        Response response = request(op, token, "{}").request(op.method(), path);
        int status = response.statusCode();
        if (status != expected) {
            wrong.add(op + " with " + who + ": " + status + ", expected " + expected + " " + excerpt(response.asString()));
        } else if (!op.declaredStatuses().contains(Integer.toString(status))) {
            wrong.add(op + " with " + who + ": " + status + " is not among its declared answers " + op.declaredStatuses());
        } else {
            problemJson(op, who, response, wrong);
        }
    }

    /**
     * A refusal is problem+json like every other 4xx: its status in the body, a detail saying what is missing, and a
     * 401 still carries the bearer challenge.
     */
    private static void problemJson(ApiOperation op, String who, Response response, List<String> wrong) {
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        if (!type.startsWith("application/problem+json")) {
            wrong.add(op + " with " + who + ": " + status + " as '" + type + "', not application/problem+json: "
                    + excerpt(response.asString()));
            return;
        }
        JsonNode body = response.as(JsonNode.class);
        if (body.path("status").asInt() != status || body.path("title").asText().isBlank()
                || body.path("detail").asText().isBlank()) {
            wrong.add(op + " with " + who + ": " + status + " without its status, title and detail in the body: "
                    + excerpt(response.asString()));
        }
        String challenge = response.header("WWW-Authenticate");
        if (status == 401 && (challenge == null || !challenge.startsWith("Bearer"))) {
            wrong.add(op + " with " + who + ": 401 without WWW-Authenticate: Bearer (" + challenge + ")");
        }
    }

    /** A request with a body the operation could accept (an empty JSON object, or a few bytes of an image). */
    static RequestSpecification request(ApiOperation op, String token, String json) {
        RequestSpecification spec = given().baseUri(op.service().url()).urlEncodingEnabled(true);
        if (token != null) {
            spec.header("Authorization", Tokens.bearer(token));
        }
        if (!op.bodies().isEmpty()) {
            String type = op.bodies().keySet().iterator().next();
            spec.contentType(type);
            if (type.contains("json")) {
                spec.body(json);
            } else {
                spec.body(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            }
        }
        return spec;
    }

    /** What a customer's client would send, naming the owner's order where the operation takes one. */
    private static String bodyFor(ApiOperation op, String orderId) {
        return switch (op.path()) {
            case "/api/v1/returns" -> "{\"orderId\":\"" + orderId + "\",\"preferredResolution\":\"REFUND\","
                    + "\"lines\":[{\"sku\":\"TSHIRT-BLU-M\",\"quantity\":1,\"reason\":\"SIZE_FIT\"}]}";
            case "/api/v1/contacts" -> "{\"channel\":\"EMAIL\",\"orderId\":\"" + orderId + "\",\"message\":\"Hola\"}";
            case "/api/v1/tickets/{id}/messages" -> "{\"body\":\"Hola\"}";
            case "/api/v1/customers/me/preferences" -> "{\"language\":\"es\"}";
            default -> "{}";
        };
    }

    /** The path with the owner's ids where the names match, else a fresh id. */
    static String fill(String path, Map<String, String> ids) {
        Matcher m = PATH_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ids.getOrDefault(m.group(1), Shop.id("X"))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String excerpt(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** A token with the development claims of {@code role}, signed by a key no service trusts. */
    private static String signedByAnotherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"postventa-dev\"}";
            String claims = "{\"iss\":\"" + DevTokens.ISSUER + "\",\"sub\":\"forger\",\"upn\":\"forger\",\"groups\":[\"" + role
                    + "\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
            String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
