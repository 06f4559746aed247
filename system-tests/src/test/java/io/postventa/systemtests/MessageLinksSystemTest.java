package io.postventa.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.postventa.devstack.PlatformService;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;

/**
 * Scenario 6: the links a message carries lead to the pages where the running stack serves them. The services run
 * on ports other than their defaults here (see {@link Platform}), so a link built from a default shows.
 */
class MessageLinksSystemTest extends SystemTest {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    /** As a browser opens a link: following redirects (the portal's link sets its session and redirects) with cookies. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new java.net.CookieManager()).build();

    @Test
    void everyLinkInASurveyInvitationEmailPointsAtTheServicesOwnPortsAndAnswers200() throws Exception {
        for (PlatformService service : PlatformService.all()) {
            assertTrue(service.port() != service.defaultPort() && io.postventa.devstack.PortalProcess.port() != 8087,
                    "this check needs the services on other ports than their defaults; " + service.serviceName()
                            + " runs on " + service.port());
        }
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        shop.order(customer.id()).deliveredAt(Instant.now().minus(1, ChronoUnit.HOURS), "LAMP-3", "home", "25.00");

        Email invitation = ReturnsSystemTest.awaitEmail(customer, "¿Qué tal lo hemos hecho?");
        Set<String> links = new LinkedHashSet<>(links(invitation.body()));
        links.addAll(links(String.valueOf(invitation.header("List-Unsubscribe"))));
        assertTrue(links.stream().anyMatch(l -> l.startsWith(Platform.portalUrl() + "/survey/")),
                "the invitation links to the survey page of the customer portal at " + Platform.portalUrl() + ": " + links);
        assertTrue(links.stream().anyMatch(l -> l.startsWith(Platform.portalUrl() + "/unsubscribe?token=")),
                "the text links to unsubscribing on the portal at " + Platform.portalUrl() + ": " + links);
        assertTrue(links.stream().anyMatch(l -> l.startsWith(Platform.portalUrl() + "/p/")),
                "the invitation links to the order's page on the portal: " + links);
        assertTrue(String.valueOf(invitation.header("List-Unsubscribe")).contains(PlatformService.NOTIFICATION.url()
                + "/api/v1/unsubscribe"), "List-Unsubscribe keeps notification-service's one-click endpoint at "
                + PlatformService.NOTIFICATION.url() + ": " + invitation.header("List-Unsubscribe"));

        Map<String, String> answers = new LinkedHashMap<>();
        for (String link : links) {
            answers.put(link, answer(link));
        }
        List<String> broken = new ArrayList<>();
        answers.forEach((link, answer) -> {
            if (!"200".equals(answer)) {
                broken.add(link + " -> " + answer);
            }
        });
        assertFalse(answers.isEmpty());
        assertEquals(List.of(), broken, "every link of the e-mail opens its page");
    }

    private static List<String> links(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            out.add(m.group().replaceAll("[.,;:)>]+$", ""));
        }
        return out;
    }

    /** The status a browser would get opening the link, or why it got none. */
    private static String answer(String link) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
