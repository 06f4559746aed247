package io.postventa.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;

/**
 * The local stack's mail server (GreenMail, a real SMTP and IMAP implementation). Every e-mail it receives over
 * SMTP is written once to {@code <dir>/<number>.eml}, so the e-mails the platform sends can be opened in any mail
 * client, and is delivered to each recipient's mailbox, which IMAP serves: a customer's reply to the support
 * address ({@code support+t.<ticket>@postventa.local}) lands in the {@code support@postventa.local} mailbox
 * (plus-address details are ignored on delivery), which ticket-service fetches. Any password logs in and a
 * mailbox is created on first use: a development server, never one to expose.
 */
public final class SmtpServer implements AutoCloseable {
    private static final Pattern FILE_NUMBER = Pattern.compile("(\\d+)\\.eml");

    private final int port;
    private final int imapPort;
    private final Path mailDir;
    private GreenMail greenMail;
    private long lastFile;

    /** An SMTP server only (no IMAP). */
    public SmtpServer(int port, Path mailDir) {
        this(port, -1, mailDir);
    }

    /** SMTP on {@code port} and, when {@code imapPort} is above 0, IMAP on {@code imapPort}. */
    public SmtpServer(int port, int imapPort, Path mailDir) {
        this.port = port;
        this.imapPort = imapPort;
        this.mailDir = mailDir;
    }

    public int port() {
        return port;
    }

    public int imapPort() {
        return imapPort;
    }

    public SmtpServer start() {
        Ports.requireFree(port, "SMTP server");
        if (imapPort > 0) {
            Ports.requireFree(imapPort, "IMAP server");
        }
        Dirs.writable(mailDir, "SMTP server");
        lastFile = highestFileNumber();
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = imapPort > 0
                ? new GreenMail(new ServerSetup[] {smtp, new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                : new GreenMail(smtp);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication().withSieveIgnoreDetail());
        greenMail.start();
        // GreenMail hands an e-mail to the delivery handler once per recipient, all with the same MovingMessage:
        // the file is written for the first recipient only, before the SMTP client is told the e-mail was taken.
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            if (!message.getToAddresses().isEmpty() && message.getToAddresses().get(0) == recipient) {
                write(message);
            }
            return deliver.handle(message, recipient);
        });
        return this;
    }

    /**
     * One file per e-mail, numbered after the highest number already in the folder (`up` keeps the folder between
     * runs), written under a temporary name and moved into place, so a reader never sees half a file.
     */
    private synchronized void write(MovingMessage message) {
        Path file = mailDir.resolve(String.format("%06d.eml", ++lastFile));
        Path partial = mailDir.resolve("." + file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.getMessage().writeTo(out);
        } catch (IOException | MessagingException e) {
            System.err.println("[devstack] cannot write " + file + ": " + e.getMessage());
            return;
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("[devstack] cannot write " + file + ": " + e.getMessage());
        }
    }

    private long highestFileNumber() {
        try (Stream<Path> files = Files.list(mailDir)) {
            return files.map(f -> FILE_NUMBER.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
        } catch (IOException e) {
            throw new StackException("cannot read the mail folder " + mailDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
