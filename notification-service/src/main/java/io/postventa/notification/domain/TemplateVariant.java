package io.postventa.notification.domain;

/** One A/B variant of a template: its name, weight and Qute sources (subject is used by e-mail and push). */
public record TemplateVariant(String name, int weight, String subject, String body) {
}
