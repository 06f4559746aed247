package io.postventa.ticket.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canned-reply placeholders such as {@code {{orderId}}}: which exist, which a text uses, and filling them in. */
public final class Placeholders {

    /** Every placeholder a canned reply may use. */
    public static final Set<String> KNOWN = Set.of("orderId", "trackingUrl", "rma", "customerName", "promisedDate",
            "status", "ticketId", "carrier");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private Placeholders() {
    }

    /** Placeholders used by {@code text} that are not known. */
    public static List<String> unknown(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** Fills each placeholder with its value; a missing value becomes "-" so no braces reach a customer. */
    public static String render(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "-" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
