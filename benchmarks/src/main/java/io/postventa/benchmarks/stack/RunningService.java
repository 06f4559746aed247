package io.postventa.benchmarks.stack;

import java.nio.file.Path;

import io.postventa.devstack.PlatformService;
import io.postventa.devstack.ServiceProcess;

/**
 * A service under test (one instance of it), running from its packaged jar, and how long it took from launch to
 * ready.
 */
public record RunningService(PlatformService service, ServiceProcess process, double readySeconds) {

    public long pid() {
        return process.pid();
    }

    /** The service's name, with {@code -n} for instance n > 1 (e.g. {@code ticket-service-2}). */
    public String name() {
        return process.name();
    }

    /** Which instance of its service this is, from 1. */
    public int instance() {
        return process.instance();
    }

    /** Its base URL, e.g. http://127.0.0.1:29083. */
    public String url() {
        return process.url();
    }

    public Path log() {
        return process.log();
    }
}
