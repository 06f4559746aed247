package io.postventa.notification.domain;

import java.util.regex.Pattern;

/**
 * The Reply-To of an e-mail, so that the customer's answer can be put on the right ticket: the store's support
 * address plus-addressed with what the message is about, {@code support+t.<ticketId>@domain} for a ticket, else
 * {@code support+o.<orderId>@domain} for an order, else the plain address. ticket-service reads the same format
 * from the support mailbox; an id with characters outside {@code [A-Za-z0-9_-]} (or a local part over the 64
 * characters RFC 5321 allows) gives the plain address, never a mangled id.
 */
public final class ReplyAddress {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_LOCAL_PART = 64;

    private final String base;
    private final String localPart;
    private final String domain;

    /** {@code base} is the plain support address, e.g. {@code support@postventa.local}. */
    public ReplyAddress(String base) {
        int at = base == null ? -1 : base.lastIndexOf('@');
        if (at <= 0 || at == base.length() - 1) {
            throw new IllegalArgumentException("the reply-to address must look like support@example.com");
        }
        this.base = base.trim();
        this.localPart = this.base.substring(0, this.base.lastIndexOf('@'));
        this.domain = this.base.substring(this.base.lastIndexOf('@') + 1);
    }

    /** The address for a message about this ticket and/or order (either may be null; the ticket wins). */
    public String about(String ticketId, String orderId) {
        if (present(ticketId)) {
            return tagged("t", ticketId);
        }
        if (present(orderId)) {
            return tagged("o", orderId);
        }
        return base;
    }

    private String tagged(String kind, String id) {
        String local = localPart + "+" + kind + "." + id;
        if (!SAFE_ID.matcher(id).matches() || local.length() > MAX_LOCAL_PART) {
            return base;
        }
        return local + "@" + domain;
    }

    private static boolean present(String id) {
        return id != null && !id.isEmpty();
    }
}
