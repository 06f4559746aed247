package io.postventa.returns.service;

import java.time.Instant;

/** A stored version of a rule set or policy. */
public record Versioned<T>(int version, Instant createdAt, String createdBy, T value) {
}
