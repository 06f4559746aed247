package io.postventa.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of one service call, as a page shows it: the value, or why there is none (the service is down or
 * slow, the person may not see it, it does not exist, the input was refused, the data changed meanwhile). A page
 * renders each part on its own, so one service down never breaks the whole page.
 */
@io.quarkus.qute.TemplateData
public final class Part<T> {
    /** What came back. */
    public enum State {
        OK, UNAVAILABLE, FORBIDDEN, NOT_FOUND, INVALID, STALE, CONFLICT, SIGNED_OUT
    }

    private final State state;
    private final T value;
    private final int status;
    private final String detail;
    private final Map<String, String> fieldErrors;

    private Part(State state, T value, int status, String detail, Map<String, String> fieldErrors) {
        this.state = state;
        this.value = value;
        this.status = status;
        this.detail = detail;
        this.fieldErrors = fieldErrors;
    }

    public static <T> Part<T> ok(T value) {
        return new Part<>(State.OK, value, 200, null, Map.of());
    }

    public static <T> Part<T> failed(State state, int status, String detail, Map<String, String> fieldErrors) {
        return new Part<>(state, null, status, detail, fieldErrors == null ? Map.of() : fieldErrors);
    }

    public static <T> Part<T> unavailable() {
        return failed(State.UNAVAILABLE, 503, null, null);
    }

    /** Another part's failure, typed for this one. */
    public <U> Part<U> as() {
        return new Part<>(state, null, status, detail, fieldErrors);
    }

    public State state() {
        return state;
    }

    public boolean isOk() {
        return state == State.OK;
    }

    public boolean isUnavailable() {
        return state == State.UNAVAILABLE;
    }

    public boolean isForbidden() {
        return state == State.FORBIDDEN;
    }

    public boolean isNotFound() {
        return state == State.NOT_FOUND;
    }

    public boolean isInvalid() {
        return state == State.INVALID;
    }

    /** The data changed since the page was loaded (412), or a write conflicted (409). */
    public boolean isStale() {
        return state == State.STALE || state == State.CONFLICT;
    }

    public boolean isSignedOut() {
        return state == State.SIGNED_OUT;
    }

    public T value() {
        return value;
    }

    public T orElse(T other) {
        return isOk() && value != null ? value : other;
    }

    public int status() {
        return status;
    }

    /** The service's own words (problem+json detail), for the person to read. */
    public String detail() {
        return detail;
    }

    /** The service's field errors by field path, e.g. {@code variants[0].body}. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Field errors not shown beside a field of the form (keys not in {@code shown}). */
    public Map<String, String> otherErrors(List<String> shown) {
        Map<String, String> other = new LinkedHashMap<>(fieldErrors);
        shown.forEach(other::remove);
        return other;
    }

    @Override
    public String toString() {
        return state + (detail == null ? "" : ": " + detail);
    }
}
