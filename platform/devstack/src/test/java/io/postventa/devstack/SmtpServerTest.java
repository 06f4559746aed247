package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class SmtpServerTest {
    @TempDir
    Path dir;

    @Test
    void manyConcurrentEmailsLeaveExactlyOneFilePerEmailInTheMailFolder() throws Exception {
        int port = freePorts(1)[0];
        Set<String> sent;
        try (SmtpServer server = new SmtpServer(port, dir).start()) {
            sent = sendConcurrently(port, 300, 8, "first");
        }
        assertEquals(300, fileCount(), "one file per e-mail received (a third of them had three recipients)");
        assertEquals(sent, subjectsOfFiles(), "every e-mail sent has its own file, and no file copies another");
    }

    @Test
    void aRestartedServerNumbersItsFilesAfterTheOnesAlreadyInTheFolder() throws Exception {
        int port = freePorts(1)[0];
        Set<String> sent = new HashSet<>();
        try (SmtpServer server = new SmtpServer(port, dir).start()) {
            sent.addAll(sendConcurrently(port, 20, 4, "before-restart"));
        }
        try (SmtpServer server = new SmtpServer(port, dir).start()) {
            sent.addAll(sendConcurrently(port, 20, 4, "after-restart"));
        }
        assertEquals(40, fileCount(), "the files of the first run are kept, not overwritten");
        assertEquals(sent, subjectsOfFiles());
    }

    @Test
    void aReplyToAPlusAddressLandsInTheSupportMailboxServedOverImap() throws Exception {
        int[] ports = freePorts(2);
        try (SmtpServer server = new SmtpServer(ports[0], ports[1], dir).start()) {
            Session session = Session.getInstance(smtp(ports[0]));
            MimeMessage reply = new MimeMessage(session);
            reply.setFrom(new InternetAddress("customer@example.com"));
            reply.setRecipient(Message.RecipientType.TO, new InternetAddress("support+t.ticket-42@postventa.local"));
            reply.setSubject("Re: your order");
            reply.setText("Thanks, it arrived.");
            Transport.send(reply);

            Properties imap = new Properties();
            imap.setProperty("mail.imap.host", "127.0.0.1");
            imap.setProperty("mail.imap.port", Integer.toString(ports[1]));
            Store store = Session.getInstance(imap).getStore("imap");
            store.connect("support@postventa.local", "any password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                assertEquals(1, messages.length, "the plus address is delivered to the support mailbox");
                assertEquals("Re: your order", messages[0].getSubject());
                assertEquals(false, messages[0].isSet(Flags.Flag.SEEN));
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    /** Sends {@code count} e-mails from {@code threads} threads at once; every third has three recipients. */
    private static Set<String> sendConcurrently(int port, int count, int threads, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Session session = Session.getInstance(smtp(port));
            List<Future<String>> sending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sending.add(pool.submit(() -> {
                    String subject = prefix + "-" + n;
                    MimeMessage m = new MimeMessage(session);
                    m.setFrom(new InternetAddress("shop@postventa.local"));
                    m.setRecipient(Message.RecipientType.TO, new InternetAddress("customer-" + (n % 7) + "@example.com"));
                    if (n % 3 == 0) {
                        m.setRecipient(Message.RecipientType.CC, new InternetAddress("copy-" + n + "@example.com"));
                        m.setRecipient(Message.RecipientType.BCC, new InternetAddress("archive@postventa.local"));
                    }
                    m.setSubject(subject);
                    m.setText("message " + subject);
                    Transport.send(m);
                    return subject;
                }));
            }
            Set<String> subjects = new HashSet<>();
            for (Future<String> f : sending) {
                subjects.add(f.get());
            }
            return subjects;
        } finally {
            pool.shutdown();
        }
    }

    private static Properties smtp(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        return p;
    }

    private long fileCount() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    private Set<String> subjectsOfFiles() throws Exception {
        Set<String> subjects = new HashSet<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".eml")).toList();
        }
        Session session = Session.getInstance(new Properties());
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                String subject = new MimeMessage(session, in).getSubject();
                assertTrue(subjects.add(subject), file + " copies another file's e-mail: " + subject);
            }
        }
        return subjects;
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return ports;
    }
}
