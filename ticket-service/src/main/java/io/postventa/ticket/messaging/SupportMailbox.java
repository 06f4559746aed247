package io.postventa.ticket.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.jboss.logging.Logger;

import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.ReplyText;
import io.postventa.ticket.service.EmailReplyService;
import io.postventa.ticket.service.EmailReplyService.InboundEmail;
import io.postventa.ticket.service.EmailReplyService.IncomingFile;
import io.postventa.ticket.service.SupportMailboxLock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;

/**
 * Reads the store's support mailbox over IMAP (Jakarta Mail) and hands each unread e-mail to
 * {@link EmailReplyService}: customers' replies to the platform's e-mails land on their tickets. One replica reads
 * at a time ({@link SupportMailboxLock}, held while it reads); an e-mail is marked read (or moved to
 * {@code ticket.mail.processed-folder}) only after its contact is committed, and bodies are fetched without
 * marking them read, so a crash in between leaves it unread and the next poll finds it already taken.
 */
@ApplicationScoped
public class SupportMailbox {
    private static final Logger LOG = Logger.getLogger(SupportMailbox.class);
    private final TicketConfig config;
    private final EmailReplyService replies;
    private final SupportMailboxLock lock;
    private final ReplyText replyText;

    public SupportMailbox(TicketConfig config, EmailReplyService replies, SupportMailboxLock lock, ReplyText replyText) {
        this.config = config;
        this.replies = replies;
        this.lock = lock;
        this.replyText = replyText;
    }

    // First read 10 s after start, not at once: connecting to IMAP loads and compiles the whole mail stack while the
    // service is still starting (docs/performance/2026-12-07-start-small-2.md); the mailbox is read every poll-every.
    @Scheduled(every = "${ticket.mail.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "support-mailbox", delayed = "10s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            poll();
        } catch (Exception e) {
            LOG.warnf("the support mailbox could not be read: %s", e.toString());
        }
    }

    /** Reads the mailbox once, unless another replica is reading it; returns how many e-mails were handled. */
    public synchronized int poll() throws MessagingException {
        if (config.mail().host().isEmpty() || config.mail().port() <= 0) {
            return 0;
        }
        return lock.whileHeld(this::read).orElse(0);
    }

    private int read() throws MessagingException {
        TicketConfig.Mail mail = config.mail();
        String protocol = mail.ssl() ? "imaps" : "imap";
        Properties p = new Properties();
        p.setProperty("mail." + protocol + ".connectiontimeout", "10000");
        p.setProperty("mail." + protocol + ".timeout", "60000");
        // fetching a body must not mark the e-mail read: only a committed contact does
        p.setProperty("mail." + protocol + ".peek", "true");
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(mail.host().get(), mail.port(), mail.user().orElse(null), mail.password().orElse(null));
        int handled = 0;
        try {
            Folder folder = store.getFolder(mail.folder());
            folder.open(Folder.READ_WRITE);
            Folder processed = processedFolder(store);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (handled >= mail.batchSize()) {
                        break;
                    }
                    handle(folder, processed, message);
                    handled++;
                }
            } finally {
                folder.close(processed != null);
            }
        } finally {
            store.close();
        }
        return handled;
    }

    private Folder processedFolder(Store store) throws MessagingException {
        if (config.mail().processedFolder().isEmpty()) {
            return null;
        }
        Folder processed = store.getFolder(config.mail().processedFolder().get());
        if (!processed.exists()) {
            processed.create(Folder.HOLDS_MESSAGES);
        }
        return processed;
    }

    private void handle(Folder folder, Folder processed, Message message) throws MessagingException {
        InboundEmail email;
        try {
            email = parse(folder, message);
        } catch (IOException | MessagingException | RuntimeException e) {
            // left for a person: flagged, read, never retried (no personal data in the log)
            LOG.warnf("e-mail %d of the support mailbox cannot be read (%s): flagged for a person",
                    message.getMessageNumber(), e.getClass().getSimpleName());
            message.setFlags(new Flags(Flags.Flag.FLAGGED), true);
            message.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        EmailReplyService.Result result;
        try {
            result = replies.receive(email);
        } catch (RuntimeException e) {
            // left unread, so the next poll tries it again; the e-mails after it go on
            LOG.warnf("e-mail %d of the support mailbox could not be taken, will retry: %s", message.getMessageNumber(),
                    e.toString());
            return;
        }
        LOG.debugf("support mailbox e-mail %d: %s", message.getMessageNumber(),
                result.duplicate() ? "taken before" : "ticket " + result.ticketId());
        if (processed != null) {
            folder.copyMessages(new Message[] {message}, processed);
            message.setFlag(Flags.Flag.DELETED, true);
        } else {
            message.setFlag(Flags.Flag.SEEN, true);
        }
    }

    /** The e-mail as the service needs it: key, sender, recipients, subject, the reply's own text, files. */
    InboundEmail parse(Folder folder, Message message) throws MessagingException, IOException {
        List<String> recipients = new ArrayList<>();
        addresses(message.getRecipients(Message.RecipientType.TO), recipients);
        addresses(message.getRecipients(Message.RecipientType.CC), recipients);
        for (String header : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String v : values) {
                    recipients.add(v.trim());
                }
            }
        }
        Address[] from = message.getFrom();
        String sender = from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getAddress() : null;
        Body body = new Body();
        walk(message, body);
        String text = body.plain != null ? body.plain : ReplyText.fromHtml(body.html);
        return new InboundEmail(key(folder, message), sender, recipients, message.getSubject(), replyText.strip(text),
                body.files);
    }

    private static void addresses(Address[] addresses, List<String> into) {
        if (addresses != null) {
            for (Address a : addresses) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    into.add(ia.getAddress());
                }
            }
        }
    }

    /** What the parts of an e-mail hold: its first text/plain and text/html bodies, and its files. */
    private static final class Body {
        String plain;
        String html;
        final List<IncomingFile> files = new ArrayList<>();
    }

    private void walk(Part part, Body body) throws MessagingException, IOException {
        String fileName = part.getFileName();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body);
            }
        } else if (!attachment && part.isMimeType("text/plain") && body.plain == null) {
            body.plain = String.valueOf(part.getContent());
        } else if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        } else if (attachment || !part.isMimeType("text/*")) {
            body.files.add(file(part, fileName));
        }
    }

    /** A file, read up to one byte past the size limit: a larger one is reported, not held in memory. */
    private IncomingFile file(Part part, String fileName) throws MessagingException, IOException {
        String name = fileName == null ? "attachment" : MimeUtility.decodeText(fileName);
        String contentType = part.getContentType() == null ? "application/octet-stream"
                : part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        long limit = config.mail().maxAttachmentSize().asLongValue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = 0;
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size <= limit) {
                    out.write(buffer, 0, n);
                }
            }
        }
        return new IncomingFile(name, contentType, size, size > limit ? null : out.toByteArray());
    }

    /** A hash of the Message-ID (no personal data kept), else of the folder's UID of the e-mail. */
    private static String key(Folder folder, Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        String id = ids != null && ids.length > 0 ? ids[0].trim()
                : folder instanceof UIDFolder uids ? "uid:" + folder.getFullName() + ":" + uids.getUIDValidity() + ":"
                        + uids.getUID(message) : "number:" + message.getMessageNumber() + ":" + message.getSentDate();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
