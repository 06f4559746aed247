package io.postventa.systemtests;

import static io.restassured.RestAssured.given;

import io.postventa.devstack.PlatformService;
import io.postventa.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls a service's public REST API with a development JWT of one role, as that user's client would. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(PlatformService service, String token) {
        return given().baseUri(service.url()).header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asCustomer(PlatformService service, String customerId) {
        return as(service, Tokens.customer(customerId));
    }

    public static RequestSpecification asAgent(PlatformService service) {
        return as(service, Tokens.agent("agent-st"));
    }

    public static RequestSpecification asManager(PlatformService service) {
        return as(service, Tokens.manager("manager-st"));
    }

    public static RequestSpecification anonymous(PlatformService service) {
        return given().baseUri(service.url()).contentType(ContentType.JSON);
    }
}
