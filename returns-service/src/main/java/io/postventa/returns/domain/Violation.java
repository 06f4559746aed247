package io.postventa.returns.domain;

/** One invalid input of a rule set or policy: where it is (a JSON path) and what is wrong. */
public record Violation(String field, String message) {
}
