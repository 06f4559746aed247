package io.postventa.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The local stack's SMTP server (GreenMail, a real SMTP implementation). Every message it
 * receives is also written to {@code <dir>/*.eml}, so the e-mails the platform sends can be opened
 * in any mail client.
 */
public final class SmtpServer implements AutoCloseable {
    private final int port;
    private final Path mailDir;
    private GreenMail greenMail;
    private ScheduledExecutorService writer;
    private int written;

    public SmtpServer(int port, Path mailDir) {
        this.port = port;
        this.mailDir = mailDir;
    }

    public int port() {
        return port;
    }

    public SmtpServer start() {
        Ports.requireFree(port, "SMTP server");
        Dirs.writable(mailDir, "SMTP server");
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-eml-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::writeNewMessages, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private synchronized void writeNewMessages() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (; written < messages.length; written++) {
            Path file = mailDir.resolve(String.format("%06d.eml", written + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                messages[written].writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("[devstack] cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
        if (greenMail != null) {
            writeNewMessages();
            greenMail.stop();
            greenMail = null;
        }
    }
}
