package io.postventa.returns;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.postventa.events.CloudEventHeaders;
import io.postventa.events.Topics;
import io.postventa.events.customers.CustomerTombstone;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Photos of a damaged item sent with a return (the customer portal's form): kept here, JPEG or PNG only, size-limited,
 * seen only by their customer and agents, and erased with the customer.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ReturnPhotosTest {
    private static final byte[] JPEG = jpeg(2048);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aCustomerAddsAPhotoToTheirReturnWhichOnlyTheyAndAgentsSee() {
        String customer = Fixtures.id("CUST");
        String returnId = damagedReturn(customer);
        String photoId = as(Tokens.customer(customer)).contentType("image/jpeg").body(JPEG)
                .post("/api/v1/returns/{id}/photos", returnId).then().statusCode(201)
                .body("contentType", equalTo("image/jpeg")).body("size", equalTo(JPEG.length)).extract().path("photoId");

        byte[] back = as(Tokens.customer(customer)).get("/api/v1/returns/{id}/photos/{p}", returnId, photoId)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(JPEG, back, "the photo comes back as it was sent");
        as(Tokens.agent("agent-photos")).get("/api/v1/returns/{id}/photos", returnId).then().statusCode(200)
                .body("photoId", org.hamcrest.Matchers.contains(photoId));
        as(Tokens.customer(Fixtures.id("CUST"))).get("/api/v1/returns/{id}/photos/{p}", returnId, photoId)
                .then().statusCode(404);
        as(Tokens.customer(Fixtures.id("CUST"))).contentType("image/jpeg").body(JPEG)
                .post("/api/v1/returns/{id}/photos", returnId).then().statusCode(404);
        as(Tokens.agent("agent-photos")).contentType("image/jpeg").body(JPEG)
                .post("/api/v1/returns/{id}/photos", returnId).then().statusCode(403);
    }

    @Test
    void aPhotoTooLargeOrNotAJpegOrPngIsRefusedNamingThePhoto() {
        String customer = Fixtures.id("CUST");
        String returnId = damagedReturn(customer);
        as(Tokens.customer(customer)).contentType("image/jpeg").body(jpeg(5 * 1024 * 1024 + 1))
                .post("/api/v1/returns/{id}/photos", returnId).then().statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("photo"));
        byte[] gif = "GIF89a-not-a-photo-we-take".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        as(Tokens.customer(customer)).contentType("image/jpeg").body(gif)
                .post("/api/v1/returns/{id}/photos", returnId).then().statusCode(415).body("errors[0].field", equalTo("photo"));
        as(Tokens.customer(customer)).get("/api/v1/returns/{id}/photos", returnId).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void erasingTheCustomerDeletesTheirPhotos() {
        String customer = Fixtures.id("CUST");
        String returnId = damagedReturn(customer);
        as(Tokens.customer(customer)).contentType("image/jpeg").body(JPEG).post("/api/v1/returns/{id}/photos", returnId)
                .then().statusCode(201);
        kafka.send(Topics.CUSTOMERS, customer, null, Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, CustomerTombstone.CE_TYPE, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.SOURCE, "/platforms/shop-eu-1", CloudEventHeaders.SUBJECT, customer));
        Awaitility.await().atMost(Fixtures.WAIT).untilAsserted(() -> as(Tokens.agent("agent-photos"))
                .get("/api/v1/returns/{id}/photos", returnId).then().statusCode(200).body("$", hasSize(0)));
        as(Tokens.customer(customer)).contentType("image/jpeg").body(JPEG).post("/api/v1/returns/{id}/photos", returnId)
                .then().statusCode(409);
    }

    private static String damagedReturn(String customer) {
        String order = Fixtures.deliveredOrder(kafka, customer, 2, Instant.now().minus(2, ChronoUnit.DAYS),
                new Fixtures.Line("GLASS-1", "home", "12.00", 1));
        return Fixtures.returnOf(customer, order, "GLASS-1", 1, "DAMAGED");
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    private static byte[] jpeg(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 7);
        data[0] = (byte) 0xFF;
        data[1] = (byte) 0xD8;
        data[2] = (byte) 0xFF;
        data[3] = (byte) 0xE0;
        return data;
    }
}
