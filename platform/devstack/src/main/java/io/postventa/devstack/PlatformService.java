package io.postventa.devstack;

import java.nio.file.Path;
import java.util.List;

/** The five services of the platform, their HTTP ports and databases. */
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

    public int port() {
        String env = "POSTVENTA_" + name() + "_PORT";
        return Integer.parseInt(StackSettings.setting(env, Integer.toString(defaultPort)));
    }

    public String database() {
        return database;
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public Path runnerJar(Path root) {
        return root.resolve(moduleName).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public static List<PlatformService> all() {
        return List.of(values());
    }
}
