package io.postventa.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Extra service settings from a properties file, {@code up --service-properties FILE}: {@code <service-name>.<key>=value}
 * for one service (the console and the portal included), {@code *.<key>=value} for all (e.g. the demo's short survey delays).
 */
public final class ServiceProperties {
    private ServiceProperties() {
    }

    /** The settings per service name ({@code *} for all); none without a file. */
    public static Map<String, Map<String, String>> read(String file) {
        Map<String, Map<String, String>> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read the service settings " + file + ": " + e.getMessage(), e);
        }
        for (String key : p.stringPropertyNames()) {
            int dot = key.indexOf('.');
            String service = dot < 0 ? "" : key.substring(0, dot);
            if (!service.equals("*") && !service.equals(ConsoleProcess.MODULE) && !service.equals(PortalProcess.MODULE)
                    && PlatformService.all().stream().noneMatch(s -> s.serviceName().equals(service))) {
                throw new StackException(file + ": " + key + " names no service (use <service-name>.<key> or *.<key>)");
            }
            out.computeIfAbsent(service, k -> new HashMap<>()).put(key.substring(dot + 1), p.getProperty(key));
        }
        return out;
    }
}
