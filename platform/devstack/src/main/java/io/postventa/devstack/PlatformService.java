package io.postventa.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The five services of the platform: their HTTP ports and databases, and the settings that make the links they build
 * point at where the stack serves them (the customer portal, {@link PortalProcess}, for most of them). A new deployable gets a constant here and, if it builds links or is the
 * target of some, its entries in {@link #publicUrlSettings()}.
 */
public enum PlatformService {
    ORDER_STATUS("order-status-service", 8081, "order_status"),
    RETURNS("returns-service", 8082, "returns"),
    TICKET("ticket-service", 8083, "tickets"),
    NOTIFICATION("notification-service", 8084, "notifications"),
    FEEDBACK("feedback-service", 8085, "feedback");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    PlatformService(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The service's name, which is also its Maven module directory. */
    public String serviceName() {
        return moduleName;
    }

    /** The port when {@link #portSetting()} is not set. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable (or system property in lower case with dots) that moves the service's port. */
    public String portSetting() {
        return "POSTVENTA_" + name() + "_PORT";
    }

    /** The port the service listens on: {@link #portSetting()}, else {@link #defaultPort()}. */
    public int port() {
        return Integer.parseInt(StackSettings.setting(portSetting(), Integer.toString(defaultPort)));
    }

    public String database() {
        return database;
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The service's settings for the public URLs it builds links from (unsubscribe and survey links in messages,
     * label links in events and responses), each computed from the port the target page is served on, so a stack on
     * other ports sends links that work. The launcher passes them to every service it starts; a setting given
     * explicitly (e.g. {@code --service-properties}) wins.
     */
    public Map<String, String> publicUrlSettings() {
        return switch (this) {
            case ORDER_STATUS, TICKET -> Map.of();
            case RETURNS -> Map.of("returns.public-base-url", url());
            // messages link to the customer portal: the order's page, unsubscribe and preferences in their text
            case NOTIFICATION -> Map.of("postventa.notification.public-base-url", url(),
                    "postventa.notification.portal-base-url", PortalProcess.url());
            // survey invitations lead to the portal's survey page (feedback-service's JSON API stays for API users)
            case FEEDBACK -> Map.of("feedback.surveys.link-base", PortalProcess.url() + "/survey/");
        };
    }

    public Path runnerJar(Path root) {
        return root.resolve(moduleName).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public static List<PlatformService> all() {
        return List.of(values());
    }
}
