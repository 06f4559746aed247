package io.postventa.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.postventa.testing.TestStack;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The e-mails the test stack's real SMTP server received, read from the .eml files it writes. */
public final class Mailbox {
    private static final Path DIR = TestStack.projectRoot().resolve("target/test-stack/mail");

    /** One received e-mail. */
    public record Email(String to, String subject, String body, String listUnsubscribe, String replyTo) {
    }

    private Mailbox() {
    }

    /**
     * Every e-mail received so far for this address. The SMTP server writes a file in place, so a poll can read
     * one half written (its headers, part of its body): only e-mails whose last line, the unsubscribe link every
     * message ends with, has been written are returned.
     */
    public static List<Email> to(String address) {
        List<Email> found = new ArrayList<>();
        if (!Files.isDirectory(DIR)) {
            return found;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                Email email = read(file);
                if (email != null && email.to().contains(address) && email.body().contains("unsubscribe?token=")) {
                    found.add(email);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    private static Email read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            String[] unsubscribe = m.getHeader("List-Unsubscribe");
            Address[] replyTo = m.getReplyTo();
            return new Email(to == null ? "" : to[0].toString(), m.getSubject(), String.valueOf(m.getContent()),
                    unsubscribe == null ? null : unsubscribe[0], replyTo == null ? null : replyTo[0].toString());
        } catch (IOException | MessagingException | RuntimeException e) {
            return null; // still being written: the next poll reads it
        }
    }
}
