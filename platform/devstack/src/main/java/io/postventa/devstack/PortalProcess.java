package io.postventa.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The customer portal run from its packaged jar as a child process of the stack, in its {@code devstack} profile:
 * customer tokens signed with the development key (which the local services trust, as they do
 * {@code ./postventa token}), the five services at the stack's ports. Port {@code POSTVENTA_PORTAL_PORT} (8087); the
 * services' messages link to it ({@link PlatformService#publicUrlSettings()}).
 */
public final class PortalProcess extends EdgeAppProcess {
    /** The portal's Maven module, which is also its directory. */
    public static final String MODULE = "portal";

    public PortalProcess(Path root, Path logDir) {
        super(MODULE, root, logDir);
    }

    public static int port() {
        return Integer.parseInt(StackSettings.setting("POSTVENTA_PORTAL_PORT", "8087"));
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
        return Map.of("portal.token.private-key-location", "file:" + copy("dev-keys/jwt-private.pem", keyDir),
                "portal.token.issuer", DevTokens.ISSUER, "portal.token.key-id", DevTokens.ISSUER);
    }
}
