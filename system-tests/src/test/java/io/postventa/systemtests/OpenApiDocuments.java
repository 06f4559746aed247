package io.postventa.systemtests;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.postventa.devstack.PlatformService;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** Each running service's OpenAPI document ({@code /q/openapi}), parsed with swagger-parser, as a list of operations. */
final class OpenApiDocuments {
    /** Every role a token can carry. */
    static final List<String> ROLES = List.of("customer", "agent", "partner-agent", "platform", "manager", "admin");

    private OpenApiDocuments() {
    }

    /** One operation of one service's document. */
    record ApiOperation(PlatformService service, String method, String path, Operation operation) {
        /** The roles its security requirement lists; empty for a public operation. */
        List<String> roles() {
            List<SecurityRequirement> security = operation.getSecurity();
            if (security == null) {
                return List.of();
            }
            List<String> roles = new ArrayList<>();
            security.forEach(requirement -> requirement.values().forEach(roles::addAll));
            return roles;
        }

        /** True when the operation declares {@code security: []}: it is public on purpose. */
        boolean declaredPublic() {
            return operation.getSecurity() != null && operation.getSecurity().isEmpty();
        }

        Set<String> declaredStatuses() {
            return operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
        }

        List<Parameter> parameters() {
            return operation.getParameters() == null ? List.of() : operation.getParameters();
        }

        /** The request body's media types and schemas, in the document's order. */
        Map<String, io.swagger.v3.oas.models.media.MediaType> bodies() {
            return operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? Map.of()
                    : operation.getRequestBody().getContent();
        }

        @Override
        public String toString() {
            return service.name() + " " + method + " " + path;
        }
    }

    /** Every operation of every service, the document fetched from the running service. */
    static List<ApiOperation> all() {
        List<ApiOperation> all = new ArrayList<>();
        for (PlatformService service : PlatformService.all()) {
            all.addAll(of(service));
        }
        return all;
    }

    static List<ApiOperation> of(PlatformService service) {
        String json = given().baseUri(service.url()).accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new AssertionError(service + "'s /q/openapi cannot be parsed: " + result.getMessages());
        }
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.add(new ApiOperation(service, method.name(), path, operation))));
        return operations;
    }

    /** The JSON type of a schema, from OpenAPI 3.0's {@code type} or 3.1's {@code types}, {@code null} skipped. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (alternatives != null) {
                for (Schema<?> alternative : alternatives) {
                    String type = type(alternative);
                    if (type != null) {
                        return type;
                    }
                }
            }
        }
        return schema.getProperties() != null ? "object" : null;
    }

    /** The schema itself, or the first typed one of its anyOf/oneOf/allOf (a nullable reference). */
    @SuppressWarnings("rawtypes")
    static Schema<?> concrete(Schema<?> schema) {
        if (schema == null || schema.getType() != null || schema.getTypes() != null || schema.getProperties() != null) {
            return schema;
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (alternatives != null) {
                for (Schema<?> alternative : alternatives) {
                    if (type(alternative) != null) {
                        return concrete(alternative);
                    }
                }
            }
        }
        return schema;
    }
}
