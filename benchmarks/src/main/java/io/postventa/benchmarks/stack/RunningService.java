package io.postventa.benchmarks.stack;

import java.nio.file.Path;

import io.postventa.devstack.PlatformService;
import io.postventa.devstack.ServiceProcess;

/** A service under test, running from its packaged jar, and how long it took from launch to ready. */
public record RunningService(PlatformService service, ServiceProcess process, double readySeconds) {

    public long pid() {
        return process.pid();
    }

    public String name() {
        return service.serviceName();
    }

    /** Its base URL, e.g. http://127.0.0.1:29083. */
    public String url() {
        return service.url();
    }

    public Path log() {
        return process.log();
    }
}
