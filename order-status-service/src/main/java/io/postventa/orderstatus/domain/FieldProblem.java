package io.postventa.orderstatus.domain;

/** One field of an inbound event that breaks a rule the schema cannot express, e.g. an impossible date. */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
