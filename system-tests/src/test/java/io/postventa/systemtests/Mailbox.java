package io.postventa.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.postventa.devstack.StackSettings;
import io.postventa.testing.TestStack;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/** The e-mails the test stack's SMTP server received, read from the .eml files it writes, as a mail client would. */
public final class Mailbox {
    private static final Path DIR = StackSettings.test(TestStack.projectRoot()).dir().resolve("mail");

    /** One received e-mail; {@code headers} by name as received, repeated values joined with ", ". */
    public record Email(String to, String subject, String body, Map<String, String> headers) {
        /** A header's value, null when the e-mail has none. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        /** True when {@code address} is among the To or Cc recipients. */
        public boolean addressedTo(String address) {
            return (header("To") + " " + header("Cc")).toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT));
        }

        /** Where the customer's mail client sends an answer: the Reply-To address, null when there is none. */
        public String replyTo() {
            String value = header("Reply-To");
            if (value == null) {
                return null;
            }
            try {
                InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
                return addresses.length == 0 ? null : addresses[0].getAddress();
            } catch (AddressException e) {
                return value;
            }
        }

        /**
         * Whether the whole e-mail has been read: every notification ends with its unsubscribe link, so a body without
         * one was read while the server still wrote it.
         */
        public boolean complete() {
            // the service's own page, or the customer portal's when it runs (it does in these tests)
            return body.contains("/unsubscribe?token=");
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
        return all().stream().filter(email -> email.to().contains(address)).toList();
    }

    /** Every e-mail the SMTP server received in this run, whoever it is for, oldest first. */
    public static List<Email> all() {
        List<Email> found = new ArrayList<>();
        if (!Files.isDirectory(DIR)) {
            return found;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                Email email = read(file);
                if (email != null) {
                    found.add(email);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** The folder the test stack's SMTP server writes every received e-mail to. */
    public static Path folder() {
        return DIR;
    }

    private static Email read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : Collections.list(m.getAllHeaders())) {
                headers.merge(h.getName(), MimeUtility.decodeText(MimeUtility.unfold(h.getValue())), (a, b) -> a + ", " + b);
            }
            return new Email(to == null ? "" : to[0].toString(), m.getSubject(), text(m.getContent()), headers);
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
