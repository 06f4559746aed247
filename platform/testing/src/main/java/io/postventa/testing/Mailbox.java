package io.postventa.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.postventa.devstack.StackSettings;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The e-mails the test stack's mail server received, read as a mail client would from the files it writes: one
 * {@code .eml} file per e-mail in the {@code mail/} folder of the stack's data directory ({@code POSTVENTA_DATA_DIR},
 * {@code target/test-stack} by default), numbered in the order they arrived. The server moves each file into place
 * whole, so an e-mail listed here is complete. Used by the services' tests and the system tests alike.
 */
public final class Mailbox {
    private static final Map<Path, Read> READ = new ConcurrentHashMap<>();

    /**
     * One received e-mail: its To recipients (addresses only), its subject, its text (every text part of a multipart
     * e-mail, one after the other), and its headers by name as received, decoded, repeated values joined with ", ".
     */
    public record Email(List<String> to, String subject, String body, Map<String, String> headers) {

        /** A header's value (any case of its name), null when the e-mail has none. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        /** True when {@code address} is among the To or Cc recipients (any case). */
        public boolean addressedTo(String address) {
            return to.stream().anyMatch(a -> a.equalsIgnoreCase(address)) || addresses(header("Cc")).stream()
                    .anyMatch(a -> a.equalsIgnoreCase(address));
        }

        /** Where the recipient's mail client sends an answer: the Reply-To address, null when there is none. */
        public String replyTo() {
            List<String> replyTo = addresses(header("Reply-To"));
            return replyTo.isEmpty() ? null : replyTo.get(0);
        }

        @Override
        public String toString() {
            return "\"" + subject + "\" to " + String.join(", ", to);
        }
    }

    private record Read(FileTime modified, long size, Email email) {
    }

    private Mailbox() {
    }

    /** The folder the test stack's mail server writes every received e-mail to. */
    public static Path folder() {
        return StackSettings.test(TestStack.projectRoot()).dir().resolve("mail");
    }

    /** Every e-mail the mail server received in this run, whoever it is for, oldest first. */
    public static List<Email> all() {
        Path dir = folder();
        List<Email> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            return found;
        }
        for (Path file : files) {
            Email email = read(file);
            if (email != null) {
                found.add(email);
            }
        }
        return found;
    }

    /** Every e-mail received so far with {@code address} among its To recipients (any case), oldest first. */
    public static List<Email> to(String address) {
        return all().stream().filter(email -> email.to().stream().anyMatch(a -> a.equalsIgnoreCase(address))).toList();
    }

    /**
     * Waits up to {@code atMost} for the first e-mail to {@code address} that {@code matches}, and returns it; fails
     * with what did arrive for that address when none does.
     */
    public static Email awaitFor(String address, Predicate<Email> matches, Duration atMost) {
        return await("an e-mail to " + address).atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> to(address).stream().filter(matches).findFirst().orElse(null), email -> email != null);
    }

    /** The e-mail in one {@code .eml} file; each file is parsed once, unless it changes (a new test stack). */
    private static Email read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Read known = READ.get(file);
            if (known != null && known.modified().equals(modified) && known.size() == size) {
                return known.email();
            }
            Email email = parse(file);
            READ.put(file, new Read(modified, size, email));
            return email;
        } catch (IOException | MessagingException e) {
            return null; // gone (a new test stack cleared the folder) or unreadable: not an e-mail of this run
        }
    }

    private static Email parse(Path file) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : Collections.list(m.getAllHeaders())) {
                headers.merge(h.getName(), MimeUtility.decodeText(MimeUtility.unfold(h.getValue())), (a, b) -> a + ", " + b);
            }
            List<String> recipients = to == null ? List.of() : Arrays.stream(to)
                    .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString()).toList();
            return new Email(recipients, m.getSubject(), text(m), Collections.unmodifiableMap(headers));
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    private static List<String> addresses(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(InternetAddress.parseHeader(header, false)).map(InternetAddress::getAddress).toList();
        } catch (AddressException e) {
            return List.of(header.trim());
        }
    }
}
