package io.postventa.notification.service;

/** A rendered message: subject (e-mail subject, push title, the one-line summary) and body. */
public record Rendered(String subject, String body) {
}
