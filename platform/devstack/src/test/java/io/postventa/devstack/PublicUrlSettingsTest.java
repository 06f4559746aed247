package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the launcher (`./postventa up`, the system tests, the benchmarks) passes each service for the links it puts
 * in messages and labels, computed for a stack moved to other ports. Starts nothing.
 */
class PublicUrlSettingsTest {
    private static final StackState STACK = new StackState(1, "127.0.0.1:19092", "jdbc:postgresql://127.0.0.1:15433/",
            "postventa", "secret", 12525, Path.of("/tmp/jwt-public.pem"));
    private static final Map<PlatformService, Integer> PORTS = Map.of(PlatformService.ORDER_STATUS, 9181,
            PlatformService.RETURNS, 9182, PlatformService.TICKET, 9183, PlatformService.NOTIFICATION, 9184,
            PlatformService.FEEDBACK, 9185);
    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void moveTheServicesToOtherPorts() {
        before.put("postventa.portal.port", System.getProperty("postventa.portal.port"));
        System.setProperty("postventa.portal.port", "9187");
        PORTS.forEach((service, port) -> {
            String property = service.portSetting().toLowerCase().replace('_', '.');
            before.put(property, System.getProperty(property));
            System.setProperty(property, Integer.toString(port));
        });
    }

    @AfterEach
    void restorePorts() {
        before.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void onOtherPortsTheUnsubscribeSurveyAndLabelLinksPointAtThePortsInUse() {
        Map<String, String> notification = ServiceProcess.systemProperties(PlatformService.NOTIFICATION, STACK, Map.of());
        assertEquals("9184", notification.get("quarkus.http.port"));
        assertEquals("http://127.0.0.1:9184", notification.get("postventa.notification.public-base-url"));
        assertEquals("http://127.0.0.1:9187", notification.get("postventa.notification.portal-base-url"),
                "messages link to the customer portal on the port it runs on");
        assertEquals("http://127.0.0.1:9187/survey/",
                ServiceProcess.systemProperties(PlatformService.FEEDBACK, STACK, Map.of()).get("feedback.surveys.link-base"),
                "survey invitations lead to the portal's survey page");
        assertEquals("http://127.0.0.1:9182",
                ServiceProcess.systemProperties(PlatformService.RETURNS, STACK, Map.of()).get("returns.public-base-url"));
        assertEquals("9181", ServiceProcess.systemProperties(PlatformService.ORDER_STATUS, STACK, Map.of()).get("quarkus.http.port"));
        assertEquals("9183", ServiceProcess.systemProperties(PlatformService.TICKET, STACK, Map.of()).get("quarkus.http.port"));
    }

    @Test
    void aLinkSettingGivenToTheLauncherWinsOverTheOneComputedFromThePort() {
        Map<String, String> feedback = ServiceProcess.systemProperties(PlatformService.FEEDBACK, STACK,
                Map.of("feedback.surveys.link-base", "https://shop.example.com/surveys/"));
        assertEquals("https://shop.example.com/surveys/", feedback.get("feedback.surveys.link-base"));
    }

    @Test
    void everyLinkSettingTheLauncherPassesIsOneItsServiceReads() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().getParent();
        for (PlatformService service : PlatformService.all()) {
            Properties configured = new Properties();
            Path file = root.resolve(service.serviceName()).resolve("src/main/resources/application.properties");
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                configured.load(in);
            }
            for (String key : service.publicUrlSettings().keySet()) {
                assertTrue(configured.containsKey(key), service.serviceName() + " has no setting " + key + " in " + file);
            }
        }
    }

    @Test
    void aSettingsEnvironmentNameIsTheOneQuarkusReads() {
        assertEquals("POSTVENTA_NOTIFICATION_PUBLIC_BASE_URL",
                ServiceProcess.environmentName("postventa.notification.public-base-url"));
        assertEquals("FEEDBACK_SURVEYS_LINK_BASE", ServiceProcess.environmentName("feedback.surveys.link-base"));
    }
}
