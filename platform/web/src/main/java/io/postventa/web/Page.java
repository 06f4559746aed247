package io.postventa.web;

import java.util.List;

/** One page of a list: the items, where it starts, its size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Largest page a client may ask for. */
    public static final int MAX_SIZE = 200;

    /** Validates page and size query parameters (400 naming the parameter). */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.badField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badField("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
