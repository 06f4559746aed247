package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aServiceWithoutArchiveDumpsItsClassesToAFileOfItsOwn() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path dump = dir.resolve("app-cds.1-2.tmp");

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + dump), ServiceProcess.sharedArchiveOptions(jar, dump));
    }

    @Test
    void aServiceWithAnArchiveOfItsCurrentBuildMapsIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-07T10:00:00Z")));
        Path archive = Files.writeString(ServiceProcess.sharedArchive(jar), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-07T10:05:00Z")));

        assertEquals(List.of("-XX:SharedArchiveFile=" + archive),
                ServiceProcess.sharedArchiveOptions(jar, dir.resolve("app-cds.1-2.tmp")));
    }

    @Test
    void aServiceRebuiltAfterItsArchiveWasWrittenDumpsANewOne() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path archive = Files.writeString(ServiceProcess.sharedArchive(jar), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-07T10:00:00Z")));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-07T11:00:00Z")));
        Path dump = dir.resolve("app-cds.1-2.tmp");

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + dump), ServiceProcess.sharedArchiveOptions(jar, dump));
    }

    @Test
    void aServiceRunWithSharingOffNeitherDumpsNorMapsAnArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");

        assertEquals(List.of(), ServiceProcess.sharedArchiveOptions(List.of("-Xmx384m", "-Xshare:off"), jar,
                dir.resolve("app-cds.1-2.tmp")));
    }

    @Test
    void servicesTrimTheirNativeHeapOnlyOnAJdkThatKnowsTheFlag() {
        assertTrue(ServiceProcess.defaultJvmOptions(Runtime.Version.parse("17.0.15"))
                .contains("-XX:TrimNativeHeapInterval=5000"));
        assertTrue(ServiceProcess.defaultJvmOptions(Runtime.Version.parse("25")).contains("-XX:TrimNativeHeapInterval=5000"));
        assertEquals(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:ReservedCodeCacheSize=64m", "-XX:MetaspaceSize=96m", "-XX:MaxMetaspaceSize=256m"),
                ServiceProcess.defaultJvmOptions(Runtime.Version.parse("17.0.8")));
        assertEquals(false, ServiceProcess.defaultJvmOptions(Runtime.Version.parse("20.0.2"))
                .contains("-XX:TrimNativeHeapInterval=5000"));
    }

    @Test
    void theParentWatcherRunsFromAJarSoThatTheArchiveCanBeDumped() throws Exception {
        Path watcher = Classpath.parentWatcherJar();

        assertTrue(Files.isRegularFile(watcher), watcher + " is not a jar file");
        try (JarFile jar = new JarFile(watcher.toFile())) {
            assertNotNull(jar.getEntry(ParentWatchingMain.class.getName().replace('.', '/') + ".class"));
        }
    }
}
