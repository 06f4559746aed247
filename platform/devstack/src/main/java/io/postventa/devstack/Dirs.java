package io.postventa.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory helpers that turn I/O failures into one readable line. */
public final class Dirs {
    private Dirs() {
    }

    /** Creates {@code dir} if needed and checks that it is writable. */
    public static Path writable(Path dir, String what) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException(what + " cannot start: data directory " + dir + " cannot be created ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new StackException(what + " cannot start: data directory " + dir + " is not writable");
        }
        return dir;
    }

    /** Deletes {@code dir} and everything under it; a missing directory is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new StackException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }
}
