package io.postventa.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads test inputs from the classpath. */
final class Resources {

    private Resources() {
    }

    static Optional<String> find(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String path) {
        return find(path).orElseThrow(() -> new AssertionError("expected classpath resource " + path + " but it is missing"));
    }
}
