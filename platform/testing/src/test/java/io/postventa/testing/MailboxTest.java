package io.postventa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** E-mails sent over SMTP to the test stack's real mail server, read back as the services' tests read them. */
class MailboxTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static void send(String subject, String to, String cc, String text, String html) throws Exception {
        StackInfo stack = TestStack.get();
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", stack.smtpHost());
        p.setProperty("mail.smtp.port", Integer.toString(stack.smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress("noreply@postventa.local"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setRecipients(Message.RecipientType.CC, InternetAddress.parse(cc));
        m.setReplyTo(new InternetAddress[] {new InternetAddress("support+t.T-1@postventa.local", "Atención al cliente", "UTF-8")});
        m.setHeader("List-Unsubscribe", "<http://127.0.0.1/api/v1/unsubscribe?token=abc>");
        m.setSubject(subject, "UTF-8");
        MimeMultipart parts = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        parts.addBodyPart(plain);
        parts.addBodyPart(rich);
        m.setContent(parts);
        Transport.send(m);
    }

    /** Addresses of this test run's own, so that other tests' e-mails in the shared folder never match. */
    private record Run(String id, String ana, String luis, String copy) {
        static Run fresh() {
            String id = UUID.randomUUID().toString().substring(0, 8);
            return new Run(id, "ana-" + id + "@example.com", "luis-" + id + "@example.com", "copy-" + id + "@example.com");
        }
    }

    @Test
    void anEmailIsReadWithItsRecipientsHeadersReplyToAndEveryTextPart() throws Exception {
        Run run = Run.fresh();
        String subject = "Tu pedido ORD-" + run.id() + " está en camino";
        send(subject, "Ana <" + run.ana() + ">, " + run.luis(), run.copy(), "Llega el jueves.",
                "<p>Llega el <b>jueves</b>.</p>");

        Mailbox.Email mail = Mailbox.awaitFor(run.ana().toUpperCase(), m -> m.subject().contains(run.id()), WAIT);

        assertEquals(subject, mail.subject(), "the subject decoded");
        assertEquals(List.of(run.ana(), run.luis()), mail.to(), "the To addresses, without their names");
        assertEquals("support+t.T-1@postventa.local", mail.replyTo(), "the Reply-To address, without its name");
        assertEquals("<http://127.0.0.1/api/v1/unsubscribe?token=abc>", mail.header("list-unsubscribe"));
        assertTrue(mail.header("Reply-To").contains("Atención al cliente"), "a header's value decoded: " + mail.header("Reply-To"));
        assertTrue(mail.body().contains("Llega el jueves.") && mail.body().contains("<b>jueves</b>"),
                "both parts' text: " + mail.body());
        assertTrue(mail.addressedTo(run.copy()), "Cc counts as addressed to");
    }

    @Test
    void anEmailToTwoPeopleIsOneEmailInTheFolderFoundUnderEachOfThem() throws Exception {
        Run run = Run.fresh();
        String subject = "Aviso " + run.id();
        send(subject, run.ana() + ", " + run.luis(), run.copy(), "Hola", "<p>Hola</p>");

        Mailbox.awaitFor(run.luis(), m -> m.subject().equals(subject), WAIT);

        assertEquals(1, Mailbox.all().stream().filter(m -> m.subject().equals(subject)).count(),
                "one e-mail in " + Mailbox.folder());
        assertEquals(1, Mailbox.to(run.ana()).size());
        assertFalse(Mailbox.to(run.copy()).stream().anyMatch(m -> m.subject().equals(subject)),
                "to() is the To recipients only");
        assertEquals(List.of(), Mailbox.to("nobody-" + run.id() + "@example.com"));
    }
}
