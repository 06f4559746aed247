package io.postventa.ticket.domain;

/** Hides personal and payment data from partner agents while keeping enough to recognise it. */
public final class Masking {
    private Masking() {
    }

    /** "maria.lopez@example.com" becomes "m***@example.com". */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** "+34600111222" becomes "*********222". */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() <= 3 ? "***" : "*".repeat(phone.length() - 3) + phone.substring(phone.length() - 3);
    }

    /** A family name becomes its initial. */
    public static String name(String name) {
        return name == null || name.isEmpty() ? name : name.charAt(0) + ".";
    }

    /**
     * Card numbers (13-19 digits, with spaces or dashes) and IBANs in free text become "[payment data hidden]"; the
     * same text also hides e-mail addresses and phone numbers.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        return text
                .replaceAll("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,4})?\\b", "[payment data hidden]")
                .replaceAll("\\b(?:\\d[ -]?){13,19}\\b", "[payment data hidden]")
                .replaceAll("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "[e-mail hidden]")
                .replaceAll("\\+?\\d[\\d ]{7,}\\d", "[phone hidden]");
    }
}
