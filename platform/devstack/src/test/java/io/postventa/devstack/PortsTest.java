package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsReportedInOneLineNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            StackException e = assertThrows(StackException.class, () -> Ports.requireFree(port, "Kafka"));
            assertEquals("Kafka cannot start: port " + port
                    + " on 127.0.0.1 is already in use (stop what holds it or choose another port)", e.getMessage());
        }
    }

    @Test
    void anUnwritableDataDirectoryIsReportedClearly() throws Exception {
        Path file = Files.createTempFile("not-a-dir", ".txt");
        StackException e = assertThrows(StackException.class,
                () -> Dirs.writable(file.resolve("kafka"), "Kafka"));
        assertEquals(true, e.getMessage().startsWith("Kafka cannot start: data directory " + file.resolve("kafka")),
                e.getMessage());
    }
}
