package io.postventa.web;

import java.util.List;

/** Ends a request with a problem+json response; thrown by resources and use cases. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: one field is wrong. */
    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 400: several fields are wrong. */
    public static ProblemException badFields(List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid request", errors.size() + " invalid field(s)", errors);
    }

    /** 404: the thing does not exist, or the caller may not know it does. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not found", what + " " + id + " was not found", List.of());
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** 422: well-formed but refused by a business rule, with the reason per field or line. */
    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "Request refused", detail, errors);
    }

    /** 403: authenticated, but this caller may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
