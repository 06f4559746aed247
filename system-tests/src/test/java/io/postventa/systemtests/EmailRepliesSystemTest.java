package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Issue 27, item 6: a customer's e-mail reply to the support address, sent through the stack's mail server, is
 * fetched by ticket-service over IMAP and lands on the ticket its address names.
 */
class EmailRepliesSystemTest extends SystemTest {

    /** The customer's mail program sends the reply through the stack's SMTP server. */
    private static void send(String from, String to, String subject, String text, byte[] attachment) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", platform.stack().smtpHost());
        p.setProperty("mail.smtp.port", Integer.toString(platform.stack().smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        parts.addBodyPart(body);
        if (attachment != null) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment, "image/jpeg")));
            file.setFileName("foto-caja.jpg");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            parts.addBodyPart(file);
        }
        m.setContent(parts);
        Transport.send(m);
    }

    @Test
    void aCustomersEmailReplyToTheTicketsAddressLandsOnTheTicketWithoutTheQuotedHistoryAndWithItsPhoto() throws Exception {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        String ticketId = Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "message", "La caja ha llegado golpeada y la taza rota"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        Api.asAgent(TICKET).body(Map.of("body", "Lo sentimos. ¿Nos envías una foto?", "status", "PENDING_CUSTOMER"))
                .post("/api/v1/tickets/" + ticketId + "/messages").then().statusCode(201);
        // ticket-service knows the customer's e-mail from customers.v1 once the webhook's record reached it
        await("ticket-service knows " + customer.id()).atMost(WAIT).untilAsserted(() -> Api.asAgent(TICKET)
                .queryParam("q", customer.email()).get("/api/v1/customers/search").then().statusCode(200)
                .body("customers.customerId", hasItem(customer.id())));

        byte[] photo = "JPEG photo of the box".getBytes(StandardCharsets.UTF_8);
        send(customer.email(), "support+t." + ticketId + "@postventa.local", "Re: Tu consulta",
                "Aquí va la foto de la caja.\n\nEl lun, 7 dic 2026 a las 10:00, Tienda <support+t." + ticketId
                        + "@postventa.local> escribió:\n> Lo sentimos. ¿Nos envías una foto?\n", photo);

        JsonPath ticket = await("the e-mail reply lands on ticket " + ticketId).atMost(WAIT).until(() ->
                Api.asAgent(TICKET).get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().jsonPath(),
                t -> t.getList("messages.findAll { it.kind == 'CUSTOMER' && it.channel == 'EMAIL' }").size() == 2);
        assertEquals("Aquí va la foto de la caja.",
                ticket.getString("messages.findAll { it.kind == 'CUSTOMER' }[-1].body"), "no quoted history");
        assertEquals(List.of("foto-caja.jpg"), ticket.getList("messages.findAll { it.kind == 'CUSTOMER' }[-1].attachments.fileName"));
        assertEquals("OPEN", ticket.getString("ticket.status"), "the customer answered: the ticket is open again; "
                + ticket.prettify());
        String attachmentId = ticket.getString("messages.findAll { it.kind == 'CUSTOMER' }[-1].attachments[0].id");
        byte[] downloaded = Api.asCustomer(TICKET, customer.id())
                .get("/api/v1/tickets/" + ticketId + "/attachments/" + attachmentId).then().statusCode(200)
                .extract().asByteArray();
        assertEquals(new String(photo, StandardCharsets.UTF_8), new String(downloaded, StandardCharsets.UTF_8));
    }

    @Test
    void aReplyToTheSupportAddressFromAnotherPersonOpensATicketOfItsOwn() throws Exception {
        Shop.Customer owner = Shop.Customer.fresh("es");
        Shop.Customer other = Shop.Customer.fresh("es");
        shop.upsert(owner);
        shop.upsert(other);
        String ticketId = Api.asCustomer(TICKET, owner.id())
                .body(Map.of("channel", "EMAIL", "message", "Necesito una copia de la factura"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        await("ticket-service knows " + other.id()).atMost(WAIT).untilAsserted(() -> Api.asAgent(TICKET)
                .queryParam("q", other.email()).get("/api/v1/customers/search").then().statusCode(200)
                .body("customers.customerId", hasItem(other.id())));

        send(other.email(), "support+t." + ticketId + "@postventa.local", "Re: factura",
                "Yo también necesito una factura.", null);

        String theirs = await("the other person's e-mail becomes a ticket of theirs").atMost(WAIT).until(() ->
                Api.asAgent(TICKET).queryParam("customerId", other.id()).get("/api/v1/tickets").then().statusCode(200)
                        .extract().<String>path("items[0].id"), id -> id != null);
        assertNotEquals(ticketId, theirs);
        Api.asAgent(TICKET).get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("messages.findAll { it.kind == 'CUSTOMER' }.size()", equalTo(1));
    }
}
