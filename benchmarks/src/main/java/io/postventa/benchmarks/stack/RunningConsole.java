package io.postventa.benchmarks.stack;

import java.nio.file.Path;

import io.postventa.devstack.ConsoleProcess;

/** The staff console under test, running from its packaged jar in its devstack profile, and its launch-to-ready time. */
public record RunningConsole(ConsoleProcess process, long pid, double readySeconds) {
    /** Its name in CPU readings and tables. */
    public static final String NAME = ConsoleProcess.MODULE;

    /** Its base URL, e.g. http://127.0.0.1:29086. */
    public String url() {
        return ConsoleProcess.url();
    }

    public Path log() {
        return process.log();
    }
}
