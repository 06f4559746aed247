package io.postventa.returns.service;

import java.util.List;

import io.postventa.returns.domain.Violation;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;

/** Turns domain violations into 400 problem+json. */
final class Problems {
    private Problems() {
    }

    static void requireValid(List<Violation> violations) {
        requireValid("", violations);
    }

    /** The same, each field named under {@code prefix} (where the validated object sits inside the request). */
    static void requireValid(String prefix, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.badFields(
                    violations.stream().map(v -> new Problem.FieldError(prefix + v.field(), v.message())).toList());
        }
    }
}
