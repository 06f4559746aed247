package io.postventa.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), with one entry per bad field so
 * a client can show each error next to its input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** The media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it is (a JSON path such as {@code lines[0].quantity}) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
