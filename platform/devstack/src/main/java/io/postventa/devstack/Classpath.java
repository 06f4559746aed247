package io.postventa.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The classpath of the devstack itself, as Maven resolved it when the module was built
 * (META-INF/postventa/devstack.classpath) plus the devstack classes. Child JVMs (the stack, the
 * Kafka broker) run on it, so the modules that start them need none of these jars themselves.
 */
public final class Classpath {
    static final String RESOURCE = "META-INF/postventa/devstack.classpath";

    private Classpath() {
    }

    /** The full devstack classpath, separated by the platform path separator. */
    public static String devstack() {
        String recorded;
        try (InputStream in = Classpath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StackException("devstack is not built: " + RESOURCE
                        + " is missing (run ./mvnw -pl platform/devstack -am install -DskipTests)");
            }
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return ownLocation() + File.pathSeparator + recorded;
    }

    /** The jar or classes directory the devstack classes were loaded from. */
    public static Path ownLocation() {
        try {
            return Path.of(Classpath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new StackException("cannot locate the devstack classes: " + e.getMessage(), e);
        }
    }

    /**
     * A jar that holds {@link ParentWatchingMain}: the devstack jar itself, or, when the devstack runs from its classes
     * directory, {@code parent-watch.jar} beside it (written when missing or older than the class). A service's
     * class-data sharing archive can only be written with jars on the class path, not a directory.
     */
    public static Path parentWatcherJar() {
        Path own = ownLocation();
        if (!Files.isDirectory(own)) {
            return own;
        }
        String entry = ParentWatchingMain.class.getName().replace('.', '/') + ".class";
        Path clazz = own.resolve(entry);
        Path jar = own.resolveSibling("parent-watch.jar");
        try {
            if (Files.isRegularFile(jar)
                    && !Files.getLastModifiedTime(jar).toInstant().isBefore(Files.getLastModifiedTime(clazz).toInstant())) {
                return jar;
            }
            Path tmp = Files.createTempFile(jar.getParent(), "parent-watch", ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(clazz));
                out.closeEntry();
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            return own;
        }
    }

    /** The java executable of the running JVM, so children use the same JDK. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
