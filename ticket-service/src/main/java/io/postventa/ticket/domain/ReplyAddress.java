package io.postventa.ticket.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply address an e-mail of the platform carries: the support address plus-addressed with what the e-mail is
 * about, {@code support+t.<ticketId>@domain} (a ticket) or {@code support+o.<orderId>@domain} (an order). An id
 * with characters outside {@code [A-Za-z0-9_-]} is never put in an address, so the plain support address names
 * nothing.
 */
public record ReplyAddress(Kind kind, String id) {

    /** What the address names. */
    public enum Kind {
        TICKET, ORDER
    }

    private static final Pattern TAG = Pattern.compile("([tTo])\\.([A-Za-z0-9_-]{1,200})");

    /** What {@code recipient} names when it is the support address {@code base} plus-addressed; else empty. */
    public static Optional<ReplyAddress> parse(String base, String recipient) {
        if (base == null || recipient == null) {
            return Optional.empty();
        }
        int baseAt = base.lastIndexOf('@');
        int at = recipient.lastIndexOf('@');
        if (baseAt < 1 || at < 1) {
            return Optional.empty();
        }
        String baseLocal = base.substring(0, baseAt).toLowerCase(Locale.ROOT);
        String local = recipient.substring(0, at).trim();
        String domain = recipient.substring(at + 1).trim();
        if (!domain.equalsIgnoreCase(base.substring(baseAt + 1)) || !local.toLowerCase(Locale.ROOT).startsWith(baseLocal + "+")) {
            return Optional.empty();
        }
        Matcher tag = TAG.matcher(local.substring(baseLocal.length() + 1));
        if (!tag.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReplyAddress(tag.group(1).equalsIgnoreCase("t") ? Kind.TICKET : Kind.ORDER, tag.group(2)));
    }

    /** The first recipient that names a ticket or an order. */
    public static Optional<ReplyAddress> find(String base, Collection<String> recipients) {
        return recipients.stream().map(r -> parse(base, r)).flatMap(Optional::stream).findFirst();
    }

    /** Whether {@code recipient} is the support address itself or one of its plus addresses. */
    public static boolean isSupport(String base, String recipient) {
        if (base == null || recipient == null) {
            return false;
        }
        String r = recipient.trim().toLowerCase(Locale.ROOT);
        String b = base.toLowerCase(Locale.ROOT);
        int at = b.lastIndexOf('@');
        return r.equals(b) || at > 0 && r.startsWith(b.substring(0, at) + "+") && r.endsWith(b.substring(at));
    }
}
