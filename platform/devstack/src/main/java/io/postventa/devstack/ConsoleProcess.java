package io.postventa.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The staff console run from its packaged jar as a child process of the stack, in its {@code devstack} profile:
 * the development sign-in over the seeded users of {@code dev-users.json}, tokens signed with the development key,
 * the five services at the stack's ports. Port {@code POSTVENTA_CONSOLE_PORT} (8086).
 */
public final class ConsoleProcess extends EdgeAppProcess {
    /** The console's Maven module, which is also its directory. */
    public static final String MODULE = "console";

    public ConsoleProcess(Path root, Path logDir) {
        super(MODULE, root, logDir);
    }

    public static int port() {
        return Integer.parseInt(StackSettings.setting("POSTVENTA_CONSOLE_PORT", "8086"));
    }

    public static String url() {
        return "http://127.0.0.1:" + port();
    }

    public static Path runnerJar(Path root) {
        return root.resolve(MODULE).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    @Override
    protected int appPort() {
        return port();
    }

    @Override
    protected Map<String, String> settings(Path keyDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("console.feedback-dashboard-url", PlatformService.FEEDBACK.url() + "/dashboard");
        p.put("console.dev-sign-in.private-key-location", "file:" + copy("dev-keys/jwt-private.pem", keyDir));
        p.put("console.dev-sign-in.users-file", copy(DevSeed.USERS_RESOURCE, keyDir).toString());
        return p;
    }
}
