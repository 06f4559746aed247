package io.postventa.portal.web;

import io.quarkus.qute.TemplateExtension;

/** {@code {key:of('reason_', t.reason)}}: the message key for a value, also when the value is missing. */
@TemplateExtension(namespace = "key")
public final class Keys {
    private Keys() {
    }

    static String of(String prefix, Object value) {
        return prefix + (value == null ? "" : value);
    }
}
