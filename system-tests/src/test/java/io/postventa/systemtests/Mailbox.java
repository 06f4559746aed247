package io.postventa.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.postventa.devstack.StackSettings;
import io.postventa.testing.TestStack;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The e-mails the test stack's SMTP server received, read from the .eml files it writes, as a mail client would. */
public final class Mailbox {
    private static final Path DIR = StackSettings.test(TestStack.projectRoot()).dir().resolve("mail");

    /** One received e-mail; {@code replyTo} is where the customer's mail client sends an answer. */
    public record Email(String to, String subject, String body, String replyTo) {
        /**
         * Whether the whole e-mail has been read: the SMTP server writes each file in place, so a poll can catch one
         * half written; every notification ends with its unsubscribe link.
         */
        public boolean complete() {
            return body.contains("/api/v1/unsubscribe?token=");
        }

        @Override
        public String toString() {
            return "\"" + subject + "\" to " + to;
        }
    }

    private Mailbox() {
    }

    /** Every e-mail received so far for this address, oldest first. */
    public static List<Email> to(String address) {
        List<Email> found = new ArrayList<>();
        if (!Files.isDirectory(DIR)) {
            return found;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                Email email = read(file);
                if (email != null && email.to().contains(address)) {
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
            Address[] replyTo = m.getReplyTo();
            return new Email(to == null ? "" : to[0].toString(), m.getSubject(), text(m.getContent()),
                    replyTo == null || replyTo.length == 0 ? null : replyTo[0].toString());
        } catch (IOException | MessagingException | RuntimeException e) {
            return null; // still being written: the next poll reads it
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
