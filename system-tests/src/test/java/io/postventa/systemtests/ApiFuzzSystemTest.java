package io.postventa.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.systemtests.OpenApiDocuments.ApiOperation;
import io.postventa.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Bad input for every operation of every service's {@code /q/openapi}, generated from the document's own schemas
 * (parameters and request bodies, read with swagger-parser): wrong types, missing required and extra fields, null,
 * huge and unicode strings, negative and boundary numbers, invalid JSON, invalid UTF-8, the wrong content type, and
 * odd path, query and header values; each sent with a valid token of a role the operation allows, so it reaches the
 * validation. No answer is a 5xx; every 4xx is {@code application/problem+json} with its status, and a 400 for one
 * field names that field. Operations that write shared settings (admin-only PUT and DELETE, maintenance) get only
 * input that can never be valid, so the run changes no policy, rule or template the other scenarios rely on.
 */
class ApiFuzzSystemTest extends SystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);
    private static final String UNICODE = "Ñandú 😀 \u202Eevil\u202C 中文 \u0000 \uFFFF ∑";
    /** Bytes that are never UTF-8 (a lone continuation byte, an overlong form, a byte UTF-8 never uses). */
    private static final byte[] NOT_UTF8 = {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF};
    private static final RestAssuredConfig RAW = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** One generated request: what it changes, the field it targets (if one), and whether it can never be valid. */
    private record Call(String what, String field, boolean neverValid, Map<String, String> path, Map<String, String> query,
            Map<String, String> headers, String contentType, byte[] body) {
    }

    @Test
    void badInputToEveryOperationIsAnsweredWithAProblemNamingTheFieldAndNeverA5xx() {
        List<ApiOperation> operations = OpenApiDocuments.all();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (ApiOperation op : operations) {
            if (op.parameters().isEmpty() && op.bodies().isEmpty()) {
                continue; // takes no input (POST /tickets/next would hand the fuzzer a real ticket)
            }
            // Writes shared settings, or (the webhooks) publishes whatever it accepts to the platform's topics.
            boolean sharedSettings = op.roles().equals(List.of("admin")) && !"GET".equals(op.method())
                    && !"POST".equals(op.method()) || op.path().contains("/maintenance/") || webhookExample(op) != null;
            String token = tokenFor(op);
            List<Call> calls = calls(op);
            // What the unchanged request (the schema's own sample) is refused for, if anything: a bad value of
            // one field may then be answered with those fields alone. Not sent where it could change settings.
            Base base = Base.UNKNOWN;
            if (!sharedSettings && !calls.isEmpty()) {
                Response unchanged = send(op, token, calls.get(0));
                check(op, calls.get(0), Base.UNKNOWN, unchanged, wrong);
                base = Base.of(unchanged);
                sent++;
            }
            for (Call call : calls.subList(calls.isEmpty() ? 0 : 1, calls.size())) {
                if (sharedSettings && !call.neverValid()) {
                    continue;
                }
                sent++;
                Response response = send(op, token, call);
                check(op, call, base, response, wrong);
            }
        }
        assertTrue(sent > 1000, "only " + sent + " requests were generated for " + operations.size() + " operations");
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " bad requests were answered wrongly:\n"
                + String.join("\n", wrong.subList(0, Math.min(wrong.size(), 200))));
    }

    /** The answer to the unchanged request: its status and the fields a 400 named, or unknown (not sent). */
    private record Base(Integer status, java.util.Set<String> fields) {
        static final Base UNKNOWN = new Base(null, java.util.Set.of());

        static Base of(Response response) {
            java.util.Set<String> fields = new java.util.HashSet<>();
            if (response.statusCode() == 400) {
                try {
                    JSON.readTree(response.asString()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
                } catch (Exception e) {
                    // not a problem; the check of the bad requests reports that
                }
            }
            return new Base(response.statusCode(), fields);
        }
    }

    private static void check(ApiOperation op, Call call, Base base, Response response, List<String> wrong) {
        int status = response.statusCode();
        String where = op + " " + call.what() + ": " + status;
        String body = response.asString();
        if (status >= 500) {
            wrong.add(where + " " + ApiRoleMatrixSystemTest.excerpt(body));
            return;
        }
        if (status < 400) {
            if (call.neverValid()) {
                wrong.add(where + " accepted input that is never valid");
            }
            return;
        }
        if (htmlPage(op) && String.valueOf(response.contentType()).startsWith("text/html")) {
            return; // a page for browsers answers with a page
        }
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            wrong.add(where + " as " + response.contentType() + ", not application/problem+json: "
                    + ApiRoleMatrixSystemTest.excerpt(body));
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            wrong.add(where + " with a problem body that is not JSON: " + ApiRoleMatrixSystemTest.excerpt(body));
            return;
        }
        if (problem.path("status").asInt() != status) {
            wrong.add(where + " with a problem whose status is " + problem.path("status"));
        }
        if (status == 400 && !problem.path("errors").elements().hasNext()) {
            wrong.add(where + " naming no field: " + ApiRoleMatrixSystemTest.excerpt(body));
        } else if (status == 400 && call.field() != null && !names(problem, call.field())) {
            java.util.Set<String> named = new java.util.HashSet<>();
            problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
            // Where the unchanged request was refused too, naming only what it was refused for is right; where it
            // was not sent (shared settings), naming some field is all that can be asked.
            boolean onlyBaseFields = base.status() != null && base.status() == 400 && base.fields().containsAll(named);
            if (base.status() != null && !onlyBaseFields) {
                wrong.add(where + " without naming " + call.field() + ": " + ApiRoleMatrixSystemTest.excerpt(body));
            }
        }
    }

    /** The problem names the field: an entry of {@code errors} is it or lies under it, or the detail says it. */
    private static boolean names(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asText();
            if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                return true;
            }
        }
        return problem.path("detail").asText().contains(field);
    }

    private static boolean htmlPage(ApiOperation op) {
        return op.operation().getResponses() != null && op.operation().getResponses().values().stream()
                .anyMatch(r -> r.getContent() != null && r.getContent().containsKey("text/html"));
    }

    private static Response send(ApiOperation op, String token, Call call) {
        RequestSpecification spec = given().config(RAW).baseUri(op.service().url()).urlEncodingEnabled(false);
        if (token != null) {
            spec.header("Authorization", Tokens.bearer(token));
        }
        call.headers().forEach(spec::header);
        // Sent as the bytes a client would put on the wire: percent-encoded UTF-8, whatever the value.
        call.query().forEach((name, value) -> spec.queryParam(name, encode(value)));
        if (call.contentType() != null) {
            spec.contentType(call.contentType());
        }
        if (call.body() != null) {
            spec.body(call.body());
        }
        String path = op.path();
        for (Map.Entry<String, String> p : call.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        return spec.request(op.method(), path);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A valid token of the operation's first role; public operations are called without one. */
    private static String tokenFor(ApiOperation op) {
        if (op.roles().isEmpty()) {
            return null;
        }
        String role = op.roles().get(0);
        return switch (role) {
            case "partner-agent" -> Tokens.partnerAgent("fuzz-partner", "fuzz-team");
            case "customer" -> Tokens.customer(Shop.id("FUZZ"));
            default -> Tokens.of(role, "fuzz-" + role);
        };
    }

    // ---- generation, driven by the operation's parameters and request body schema

    private static List<Call> calls(ApiOperation op) {
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            if ("path".equals(p.getIn())) {
                path.put(p.getName(), "integer".equals(OpenApiDocuments.type(p.getSchema())) ? "1" : Shop.id("FZ"));
            }
        }
        String jsonType = op.bodies().keySet().stream().filter(t -> t.contains("json")).findFirst().orElse(null);
        String otherType = op.bodies().keySet().stream().filter(t -> !t.contains("json")).findFirst().orElse(null);
        Schema<?> schema = jsonType == null ? null : OpenApiDocuments.concrete(op.bodies().get(jsonType).getSchema());
        JsonNode base = schema == null ? NODES.objectNode() : sample(schema, 0);
        JsonNode example = webhookExample(op);
        if (example != null) {
            // The webhooks take raw bytes (the event's own JSON Schema validates them): mutate the contract's example.
            base = example;
            schema = schemaOf(example);
        }
        byte[] baseBytes = bytes(base);
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("unchanged", null, false, path, Map.of(), Map.of(), jsonType == null ? otherType : jsonType,
                body(jsonType, otherType, baseBytes)));

        // path parameters
        for (String name : path.keySet()) {
            boolean integer = "integer".equals(op.parameters().stream().filter(p -> p.getName().equals(name)).findFirst()
                    .map(p -> OpenApiDocuments.type(p.getSchema())).orElse(null));
            for (String value : pathValues(integer)) {
                Map<String, String> changed = new LinkedHashMap<>(path);
                changed.put(name, value);
                // ".." is a dot-segment: the URL then names the parent resource, which may well answer
                boolean neverValid = integer && !value.matches("-?\\d+") && !"..".equals(value);
                calls.add(new Call("path " + name + "=" + shorten(value), name, neverValid,
                        changed, Map.of(), Map.of(), jsonType == null ? otherType : jsonType, body(jsonType, otherType, baseBytes)));
            }
        }
        // query and header parameters
        for (Parameter p : op.parameters()) {
            if (!"query".equals(p.getIn()) && !"header".equals(p.getIn())) {
                continue;
            }
            String type = OpenApiDocuments.type(p.getSchema());
            for (Map.Entry<String, Boolean> value : parameterValues(type, "header".equals(p.getIn())).entrySet()) {
                Map<String, String> one = Map.of(p.getName(), value.getKey());
                calls.add(new Call(p.getIn() + " " + p.getName() + "=" + shorten(value.getKey()), p.getName(), value.getValue(),
                        path, "query".equals(p.getIn()) ? one : Map.of(), "header".equals(p.getIn()) ? one : Map.of(),
                        jsonType == null ? otherType : jsonType, body(jsonType, otherType, baseBytes)));
            }
        }
        // the body as a whole
        if (jsonType != null) {
            calls.add(new Call("body: invalid JSON", "body", true, path, Map.of(), Map.of(), jsonType,
                    "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8)));
            calls.add(new Call("body: empty", null, true, path, Map.of(), Map.of(), jsonType, new byte[0]));
            for (String json : List.of("[]", "\"text\"", "42", "null", "true")) {
                calls.add(new Call("body: " + json, null, true, path, Map.of(), Map.of(), jsonType, json.getBytes(StandardCharsets.UTF_8)));
            }
            calls.add(new Call("body: not UTF-8", null, false, path, Map.of(), Map.of(), jsonType, notUtf8(base)));
            calls.add(new Call("body as text/plain", null, true, path, Map.of(), Map.of(), "text/plain", baseBytes));
            calls.add(new Call("body as application/xml", null, true, path, Map.of(), Map.of(), "application/xml",
                    "<a/>".getBytes(StandardCharsets.UTF_8)));
            ObjectNode extra = base.isObject() ? ((ObjectNode) base).deepCopy() : NODES.objectNode();
            extra.put("fuzzExtraField", UNICODE);
            calls.add(new Call("body with an extra field", null, false, path, Map.of(), Map.of(), jsonType, bytes(extra)));
            if (schema != null && schema.getProperties() != null && base.isObject()) {
                for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                    String name = property.getKey();
                    Schema<?> propertySchema = OpenApiDocuments.concrete(property.getValue());
                    boolean required = schema.getRequired() != null && schema.getRequired().contains(name);
                    if (required) {
                        ObjectNode missing = ((ObjectNode) base).deepCopy();
                        missing.remove(name);
                        calls.add(new Call("body without required " + name, name, true, path, Map.of(), Map.of(), jsonType,
                                bytes(missing)));
                    }
                    for (Map.Entry<JsonNode, Boolean> value : propertyValues(propertySchema).entrySet()) {
                        ObjectNode changed = ((ObjectNode) base).deepCopy();
                        changed.set(name, value.getKey());
                        calls.add(new Call("body " + name + "=" + shorten(value.getKey().toString()), name,
                                value.getValue(), path, Map.of(), Map.of(), jsonType, bytes(changed)));
                    }
                }
            }
        } else if (otherType != null) {
            calls.add(new Call("body: empty " + otherType, null, true, path, Map.of(), Map.of(), otherType, new byte[0]));
            calls.add(new Call("body: text as " + otherType, null, true, path, Map.of(), Map.of(), otherType,
                    "not an image".getBytes(StandardCharsets.UTF_8)));
            calls.add(new Call("body as application/json", null, true, path, Map.of(), Map.of(), "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
        return calls;
    }

    /** For the two webhooks, the contract's example event with fresh ids; null for any other operation. */
    private static JsonNode webhookExample(ApiOperation op) {
        String resource = op.path().endsWith("/order-events") ? "examples/orders.lifecycle.v1/ORDER_PLACED.json"
                : op.path().endsWith("/customer-events") ? "examples/customers.v1/CUSTOMER_UPSERTED.json" : null;
        if (resource == null) {
            return null;
        }
        try (java.io.InputStream in = ApiFuzzSystemTest.class.getClassLoader().getResourceAsStream(resource)) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("eventId", java.util.UUID.randomUUID().toString());
            if (event.has("orderId")) {
                event.put("orderId", Shop.id("FUZZ-ORD"));
            }
            if (event.has("customerId")) {
                event.put("customerId", Shop.id("FUZZ-CUST"));
            }
            return event;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** A schema with the JSON types of an example's top-level fields; its ids and type are required. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> schemaOf(JsonNode example) {
        Schema<Object> schema = new Schema<>();
        schema.setType("object");
        Map<String, Schema> properties = new LinkedHashMap<>();
        example.fields().forEachRemaining(field -> {
            Schema<Object> property = new Schema<>();
            JsonNode value = field.getValue();
            property.setType(value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                    : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object");
            if (value.isArray()) {
                property.setItems(new Schema<>().type("object"));
            }
            properties.put(field.getKey(), property);
        });
        schema.setProperties(properties);
        schema.setRequired(properties.keySet().stream()
                .filter(name -> List.of("eventType", "orderId", "customerId").contains(name)).toList());
        return schema;
    }

    private static byte[] body(String jsonType, String otherType, byte[] baseBytes) {
        return jsonType != null ? baseBytes : otherType != null ? new byte[] {(byte) 0x89, 'P', 'N', 'G'} : null;
    }

    private static List<String> pathValues(boolean integer) {
        List<String> values = new ArrayList<>(List.of("x".repeat(1500), UNICODE.replace("\u0000", ""), "..", "a/b", " ", "%00",
                "-1", "0", "9223372036854775808", "'; DROP TABLE x; --"));
        if (integer) {
            values.add("abc");
            values.add("1.5");
        }
        return values;
    }

    /** Values with whether they can never be valid for a parameter of that type. */
    private static Map<String, Boolean> parameterValues(String type, boolean header) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        // (JAX-RS reads any text but "true" as false, so a boolean parameter never refuses a value)
        values.put("x".repeat(header ? 4000 : 2000), "integer".equals(type) || "number".equals(type));
        values.put(header ? "\u00d1and\u00fa \u00bfqu\u00e9?" : UNICODE, "integer".equals(type) || "number".equals(type));
        values.put("", false);
        values.put("-1", false);
        values.put("0", false);
        values.put("2147483648", "integer".equals(type));
        values.put("-9223372036854775809", "integer".equals(type));
        values.put("1e999", "integer".equals(type));
        values.put("abc", "integer".equals(type) || "number".equals(type));
        values.put("null", "integer".equals(type) || "number".equals(type));
        return values;
    }

    /** Bad values for one property of the body, with whether they can never be valid. */
    private static Map<JsonNode, Boolean> propertyValues(Schema<?> schema) {
        String type = OpenApiDocuments.type(schema);
        Map<JsonNode, Boolean> values = new LinkedHashMap<>();
        values.put(NODES.nullNode(), false);
        if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            values.put(NODES.textNode("NOT_ONE_OF_THEM"), true);
            values.put(NODES.numberNode(7), true);
            values.put(NODES.objectNode(), true);
            return values;
        }
        switch (type == null ? "" : type) {
            case "string" -> {
                values.put(NODES.textNode(HUGE), schema.getMaxLength() != null);
                values.put(NODES.textNode(UNICODE), false);
                values.put(NODES.textNode(""), false);
                values.put(NODES.objectNode().put("a", 1), true);
                values.put(NODES.arrayNode().add("a"), true);
                if ("date-time".equals(schema.getFormat()) || "date".equals(schema.getFormat())) {
                    values.put(NODES.textNode("not a date"), true);
                    values.put(NODES.textNode("2026-13-45T25:61:00Z"), true);
                }
            }
            case "integer" -> {
                values.put(NODES.numberNode(-1), false);
                values.put(NODES.numberNode(0), false);
                values.put(NODES.numberNode(Integer.MIN_VALUE), false);
                values.put(NODES.numberNode(new java.math.BigInteger("2147483648")), "int32".equals(schema.getFormat()));
                values.put(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), true);
                values.put(NODES.numberNode(1.5), false);
                values.put(NODES.textNode("abc"), true);
                values.put(NODES.objectNode(), true);
            }
            case "number" -> {
                values.put(NODES.numberNode(-1), false);
                values.put(NODES.numberNode(0), false);
                values.put(NODES.numberNode(new java.math.BigDecimal("1e400")), false);
                values.put(NODES.numberNode(-0.000001), false);
                values.put(NODES.textNode("abc"), true);
                values.put(NODES.arrayNode(), true);
            }
            case "boolean" -> {
                values.put(NODES.textNode("maybe"), true);
                values.put(NODES.numberNode(2), false);
                values.put(NODES.objectNode(), true);
            }
            case "array" -> {
                values.put(NODES.textNode("not a list"), false);
                values.put(NODES.objectNode().put("a", 1), true);
                ArrayNode many = NODES.arrayNode();
                JsonNode item = sample(OpenApiDocuments.concrete(schema.getItems()), 1);
                for (int i = 0; i < 1000; i++) {
                    many.add(item);
                }
                values.put(many, false);
                values.put(NODES.arrayNode().add(NODES.nullNode()), false);
                values.put(NODES.arrayNode().add(NODES.textNode(UNICODE)), false);
            }
            case "object" -> {
                values.put(NODES.textNode("not an object"), true);
                values.put(NODES.arrayNode().add(1), true);
                values.put(NODES.objectNode().put("unknown", UNICODE), false);
            }
            default -> values.put(NODES.textNode(UNICODE), false);
        }
        return values;
    }

    /** A plausible value for a schema: the first enum constant, a short string, 1, true, one item, each property. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static JsonNode sample(Schema<?> schema, int depth) {
        schema = OpenApiDocuments.concrete(schema);
        if (schema == null) {
            return NODES.textNode("fuzz");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(0));
        }
        String type = OpenApiDocuments.type(schema);
        switch (type == null ? "" : type) {
            case "integer":
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                return depth > 3 ? NODES.arrayNode() : NODES.arrayNode().add(sample(schema.getItems(), depth + 1));
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null && depth <= 3) {
                    ((Map<String, Schema>) (Map) schema.getProperties()).forEach((name, property) ->
                            object.set(name, sample(property, depth + 1)));
                }
                return object;
            }
            case "string":
                if ("date-time".equals(schema.getFormat())) {
                    return NODES.textNode("2026-12-07T10:00:00Z");
                }
                if ("date".equals(schema.getFormat())) {
                    return NODES.textNode("2026-12-07");
                }
                return NODES.textNode("fuzz");
            default:
                return NODES.textNode("fuzz");
        }
    }

    /** The body with one more string property whose value is not UTF-8. */
    private static byte[] notUtf8(JsonNode base) {
        String json = new String(bytes(base.isObject() ? base : NODES.objectNode()), StandardCharsets.UTF_8);
        String rest = json.length() > 2 ? "," + json.substring(1) : "}";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("{\"fuzz\":\"".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(NOT_UTF8);
        out.writeBytes(("\"" + rest).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String value) {
        String printable = value.replace("\u0000", "\\0");
        return printable.length() > 40 ? printable.substring(0, 20) + "…(" + printable.length() + " chars)" : printable;
    }
}
