package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.postventa.ticket.messaging.SupportMailbox;
import io.postventa.ticket.service.EmailReplyService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Customers' e-mail replies, sent over SMTP to the test stack's mail server and fetched by the service over IMAP
 * from its own support mailbox (ticket-tests@postventa.local).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class EmailRepliesTest extends TicketTestSupport {
    private static final String SUPPORT = "ticket-tests@postventa.local";

    @Inject
    SupportMailbox mailbox;
    @Inject
    EmailReplyService replies;
    @Inject
    javax.sql.DataSource dataSource;

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** A customer known from customers.v1, with an e-mail address of their own. */
    private static String[] customer() {
        String customer = id("cust");
        String email = "st-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send(EventType.CUSTOMER_UPSERTED, customer, new CustomerUpserted(UUID.randomUUID().toString(), customer,
                Instant.now(), "shop", email, null, null, "Inês", "Costa", "es", "Europe/Madrid", null, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as(agent()).queryParam("q", email)
                .get("/api/v1/customers/search").then().statusCode(200).body("customers.customerId", hasItem(customer)));
        return new String[] {customer, email};
    }

    private static MimeMessage email(String from, String to, String subject) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", ConfigProvider.getConfig().getValue("postventa.test.smtp.host", String.class));
        p.setProperty("mail.smtp.port", ConfigProvider.getConfig().getValue("postventa.test.smtp.port", String.class));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        return m;
    }

    private static MimeBodyPart file(String name, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private JsonPath ticket(String ticketId) {
        return as(agent()).get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReplyToATicketsAddressLandsOnItWithoutTheQuotedHistoryAndWithItsFilesWithinTheLimits() throws Exception {
        String[] c = customer();
        String ticketId = postContact(Tokens.customer(c[0]), Map.of("channel", "CHAT",
                "message", "Necesito una copia de la factura")).statusCode(201).extract().path("ticketId");
        as(agent()).body(Map.of("body", "Aquí la tienes.", "status", "SOLVED"))
                .post("/api/v1/tickets/" + ticketId + "/messages").then().statusCode(201);

        MimeMessage reply = email(c[1], "ticket-tests+t." + ticketId + "@postventa.local", "Re: tu factura");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Falta el NIF en la factura.\n\nEl lun, 7 dic 2026 a las 10:02, Tienda <" + SUPPORT
                + "> escribió:\n> Aquí la tienes.\n", "UTF-8");
        parts.addBodyPart(text);
        byte[] small = "NIF B12345678".getBytes(StandardCharsets.UTF_8);
        parts.addBodyPart(file("nif.txt", "text/plain", small));
        parts.addBodyPart(file("escaneo.pdf", "application/pdf", new byte[100 * 1024]));
        parts.addBodyPart(file("foto.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        parts.addBodyPart(file("otra.txt", "text/plain", small));
        reply.setContent(parts);
        Transport.send(reply);
        mailbox.poll();

        JsonPath t = ticket(ticketId);
        assertEquals("OPEN", t.getString("ticket.status"), "the reply reopens the solved ticket");
        assertEquals(1, t.getInt("ticket.reopenCount"));
        Map<String, Object> landed = t.getMap("messages.find { it.kind == 'CUSTOMER' && it.channel == 'EMAIL' }");
        assertEquals("Falta el NIF en la factura.", landed.get("body"), "what the customer wrote, without the quote");
        assertEquals(List.of("nif.txt", "foto.png"), t.getList("messages.find { it.channel == 'EMAIL' }.attachments.fileName"));
        List<String> notes = t.getList("messages.findAll { it.kind == 'SYSTEM' }.body");
        assertTrue(notes.stream().anyMatch(n -> n.contains("escaneo.pdf") && n.contains("64 KB")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("otra.txt") && n.contains("2 adjuntos")), notes.toString());

        String attachmentId = t.getString("messages.find { it.channel == 'EMAIL' }.attachments[0].id");
        byte[] downloaded = given().header("Authorization", Tokens.bearer(Tokens.customer(c[0])))
                .get("/api/v1/tickets/" + ticketId + "/attachments/" + attachmentId).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(small, downloaded);
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("cust"))))
                .get("/api/v1/tickets/" + ticketId + "/attachments/" + attachmentId).then().statusCode(404);

        // read once: polling again adds nothing
        mailbox.poll();
        assertEquals(1, ticket(ticketId).getList("messages.findAll { it.channel == 'EMAIL' }").size());
    }

    @Test
    void aReplyToATicketWaitingOnTheCustomerOpensItAgain() throws Exception {
        String[] c = customer();
        String ticketId = postContact(Tokens.customer(c[0]), Map.of("channel", "EMAIL",
                "message", "La caja ha llegado golpeada y la taza rota")).statusCode(201).extract().path("ticketId");
        as(agent()).body(Map.of("body", "¿Nos envías una foto?", "status", "PENDING_CUSTOMER"))
                .post("/api/v1/tickets/" + ticketId + "/messages").then().statusCode(201);
        MimeMessage m = email(c[1], "ticket-tests+t." + ticketId + "@postventa.local", "Re: Tu consulta");
        m.setText("Aquí va la foto.", "UTF-8");
        Transport.send(m);
        mailbox.poll();
        JsonPath t = ticket(ticketId);
        assertEquals(2, t.getList("messages.findAll { it.kind == 'CUSTOMER' }").size());
        assertEquals("OPEN", t.getString("ticket.status"), "the customer answered");
    }

    @Test
    void whileAnotherReplicaReadsTheMailboxThisOneLeavesItAlone() throws Exception {
        String[] c = customer();
        MimeMessage m = email(c[1], SUPPORT, "Consulta");
        m.setText("¿Tenéis stock de la talla 42?", "UTF-8");
        try (java.sql.Connection other = dataSource.getConnection(); java.sql.Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('ticket-service:support-mailbox'))");
            Transport.send(m);
            assertEquals(0, mailbox.poll(), "the mailbox is being read by another replica");
            as(agent()).queryParam("customerId", c[0]).get("/api/v1/tickets").then().body("total", equalTo(0));
            s.execute("select pg_advisory_unlock(hashtext('ticket-service:support-mailbox'))");
        }
        mailbox.poll();
        as(agent()).queryParam("customerId", c[0]).get("/api/v1/tickets").then().body("total", equalTo(1));
    }

    @Test
    void anEmailIsTakenOnceEvenWhenTheMailboxIsToldTwice() {
        String[] c = customer();
        String key = UUID.randomUUID().toString();
        var mail = new EmailReplyService.InboundEmail(key, c[1], List.of(SUPPORT), "Hola", "¿Tenéis stock de la talla 40?",
                List.of());
        EmailReplyService.Result first = replies.receive(mail);
        EmailReplyService.Result again = replies.receive(mail);
        assertEquals(false, first.duplicate());
        assertEquals(true, again.duplicate(), "the same e-mail fetched again after a crash is not a second contact");
        as(agent()).queryParam("customerId", c[0]).get("/api/v1/tickets").then().body("total", equalTo(1));
    }

    @Test
    void aReplyFromSomeoneElseToATicketsAddressIsANewContactOfTheSender() throws Exception {
        String[] c = customer();
        String[] other = customer();
        String ticketId = postContact(Tokens.customer(c[0]), Map.of("channel", "EMAIL",
                "message", "Necesito una copia de la factura")).statusCode(201).extract().path("ticketId");
        MimeMessage m = email(other[1], "ticket-tests+t." + ticketId + "@postventa.local", "Re: factura");
        m.setText("Yo también quiero la factura de este pedido.", "UTF-8");
        Transport.send(m);
        mailbox.poll();

        assertEquals(1, ticket(ticketId).getList("messages.findAll { it.kind == 'CUSTOMER' }").size(),
                "another person's e-mail does not land on the customer's ticket");
        List<String> theirs = as(agent()).queryParam("customerId", other[0]).get("/api/v1/tickets").then()
                .statusCode(200).extract().path("items.id");
        assertEquals(1, theirs.size(), "the sender's e-mail opened a ticket of their own");
        assertNotEquals(ticketId, theirs.get(0));
        assertEquals("Yo también quiero la factura de este pedido.",
                ticket(theirs.get(0)).getString("messages.find { it.kind == 'CUSTOMER' }.body"));
    }

    @Test
    void anHtmlOnlyEmailToTheOrdersAddressBecomesTextOnATicketAboutThatOrder() throws Exception {
        String[] c = customer();
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, c[0], OrderStatus.DELIVERED, "40", 1, "Jarra"));
        awaitOrderKnown(orderId, "DELIVERED");
        MimeMessage m = email(c[1], "ticket-tests+o." + orderId + "@postventa.local", "Pedido");
        m.setContent("<html><body><p>La jarra ha llegado <b>rota</b>.</p><p>Adjunto foto mañana.</p></body></html>",
                "text/html; charset=UTF-8");
        Transport.send(m);
        mailbox.poll();

        JsonPath list = as(agent()).queryParam("orderId", orderId).get("/api/v1/tickets").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath();
        assertEquals("DAMAGED_ITEM", list.getString("items[0].reason"));
        assertEquals(c[0], list.getString("items[0].customerId"));
        JsonPath t = ticket(list.getString("items[0].id"));
        assertEquals("La jarra ha llegado rota.\nAdjunto foto mañana.",
                t.getString("messages.find { it.kind == 'CUSTOMER' }.body"));
    }
}
