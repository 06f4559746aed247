package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceJvmOptionsTest {

    @Test
    void onTwoCoresOrFewerTheServicesRunC1OnlyBesideTheMemoryCaps() {
        for (int cores : new int[] {1, 2}) {
            List<String> options = ServiceProcess.defaultJvmOptions(cores);
            assertTrue(options.contains("-XX:TieredStopAtLevel=1"), cores + " cores: " + options);
            assertTrue(options.containsAll(ServiceProcess.DEFAULT_JVM_OPTIONS), "the memory caps stay: " + options);
        }
    }

    @Test
    void onBiggerHostsTheJitKeepsC2() {
        assertEquals(ServiceProcess.DEFAULT_JVM_OPTIONS, ServiceProcess.defaultJvmOptions(4));
        assertFalse(ServiceProcess.defaultJvmOptions(16).stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")));
    }
}
