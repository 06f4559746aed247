package io.postventa.events.contacts;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Reply-To contract between notification-service, which writes it on every e-mail, and ticket-service, which
 * reads it on the customer's answer to put that answer on the right ticket: the store's support address
 * plus-addressed with what the e-mail is about, {@code support+t.<ticketId>@domain} for a ticket, else
 * {@code support+o.<orderId>@domain} for an order, else the plain support address. An id with characters outside
 * {@code [A-Za-z0-9_-]}, or one that would make the local part longer than the 64 characters RFC 5321 allows, is
 * never written, so the plain address names nothing and an address never carries a mangled id. Reading ignores the
 * case of the support address (mail servers may change it) but keeps the id's.
 */
public final class ReplyAddress {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern TAG = Pattern.compile("([tToO])\\.([A-Za-z0-9_-]{1,200})");
    private static final int MAX_LOCAL_PART = 64;

    /** What a reply address names. */
    public enum Kind {
        TICKET("t"), ORDER("o");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    /** The ticket or order a reply address names. */
    public record Subject(Kind kind, String id) {
    }

    private final String support;
    private final String localPart;
    private final String domain;

    /** {@code support} is the plain support address, e.g. {@code support@postventa.local}. */
    public ReplyAddress(String support) {
        int at = support == null ? -1 : support.trim().lastIndexOf('@');
        if (at <= 0 || at == support.trim().length() - 1) {
            throw new IllegalArgumentException("the support address must look like support@example.com: " + support);
        }
        this.support = support.trim();
        this.localPart = this.support.substring(0, at);
        this.domain = this.support.substring(at + 1);
    }

    /** The plain support address. */
    public String support() {
        return support;
    }

    /** The address a message about this ticket and/or order is answered to (either may be null; the ticket wins). */
    public String about(String ticketId, String orderId) {
        if (present(ticketId)) {
            return tagged(Kind.TICKET, ticketId);
        }
        if (present(orderId)) {
            return tagged(Kind.ORDER, orderId);
        }
        return support;
    }

    /** What {@code recipient} names when it is the support address plus-addressed with a ticket or an order. */
    public Optional<Subject> parse(String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        String address = recipient.trim();
        int at = address.lastIndexOf('@');
        if (at < 1 || !address.substring(at + 1).equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        String prefix = localPart + "+";
        if (local.length() <= prefix.length() || !local.substring(0, prefix.length()).equalsIgnoreCase(prefix)) {
            return Optional.empty();
        }
        Matcher tag = TAG.matcher(local.substring(prefix.length()));
        if (!tag.matches()) {
            return Optional.empty();
        }
        Kind kind = tag.group(1).toLowerCase(Locale.ROOT).equals(Kind.TICKET.tag) ? Kind.TICKET : Kind.ORDER;
        return Optional.of(new Subject(kind, tag.group(2)));
    }

    /** What the first of {@code recipients} that names a ticket or an order names. */
    public Optional<Subject> find(Collection<String> recipients) {
        return recipients.stream().map(this::parse).flatMap(Optional::stream).findFirst();
    }

    private String tagged(Kind kind, String id) {
        String local = localPart + "+" + kind.tag + "." + id;
        if (!SAFE_ID.matcher(id).matches() || local.length() > MAX_LOCAL_PART) {
            return support;
        }
        return local + "@" + domain;
    }

    private static boolean present(String id) {
        return id != null && !id.isEmpty();
    }
}
