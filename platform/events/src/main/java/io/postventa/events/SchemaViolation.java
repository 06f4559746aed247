package io.postventa.events;

/**
 * One way a JSON document breaks its event type's schema.
 *
 * @param path    JSON path of the offending field, e.g. {@code $.placed.lines[0].quantity}; for a missing
 *                required property, the path the property should have had
 * @param keyword the JSON Schema keyword that failed, e.g. {@code required}, {@code minimum}, {@code enum};
 *                {@code json} when the text is not JSON at all
 * @param message what is wrong, starting with the path, e.g. {@code $.score: must have a maximum value of 10}
 */
public record SchemaViolation(String path, String keyword, String message) {

    /** Keyword used when the input is not parseable JSON. */
    public static final String NOT_JSON = "json";

    @Override
    public String toString() {
        return message;
    }
}
