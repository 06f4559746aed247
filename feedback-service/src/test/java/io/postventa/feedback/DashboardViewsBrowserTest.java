package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.notifications.MessageKind;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The dashboard's who-and-where views (by channel, team and agent; A/B results; the partners' scorecards) as a
 * manager sees them in a real headless Chromium driven by WebDriver, checked by axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "feedback"))
class DashboardViewsBrowserTest extends FeedbackTestSupport {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int YEAR = 2100 + ThreadLocalRandom.current().nextInt(800);
    static final String RANGE = "from=" + LocalDate.of(YEAR, 9, 7) + "&to=" + LocalDate.of(YEAR, 9, 13);
    static final String MANAGER = Tokens.bearer(Tokens.manager("manager-views"));
    static final String PARTNER = id("team-partner");
    static final String TEMPLATE = id("tpl");
    static ChromeDriver driver;
    static Path profile;

    static Instant at(int day, int hour) {
        return LocalDate.of(YEAR, 9, day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    @BeforeAll
    static void openChromium() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the dashboard's browser test needs "
                + "Debian's chromium and chromium-driver at " + CHROMIUM + " and " + CHROMEDRIVER);
        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(1));
    }

    @AfterAll
    static void closeChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile == null) {
            return;
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Two tickets (e-mail in-house, chat with the partner), a partner with targets, messages of two variants, the A one's
     * portal link opened and the B one's customer unsubscribed through it.
     */
    void load() {
        String inHouse = id("team-in");
        Object[][] tickets = { { ContactChannel.EMAIL, inHouse, id("agent") }, { ContactChannel.CHAT, PARTNER, id("agent") } };
        for (Object[] t : tickets) {
            String ticket = id("TCK");
            String customer = id("CUST");
            Instant created = at(8, 10);
            send(EventType.CONTACT_RECEIVED, ticket, new ContactReceived(ticket, id("CON"), created, (ContactChannel) t[0],
                    ContactReason.WHERE_IS_MY_ORDER, ReasonSource.CLASSIFIER, customer, null, "es", null, false));
            send(EventType.TICKET_CREATED, ticket, new TicketCreated(ticket, created, TicketOrigin.CONTACT,
                    ContactReason.WHERE_IS_MY_ORDER, TicketPriority.NORMAL, (ContactChannel) t[0], customer, null, id("CON"),
                    (String) t[1], created.plusSeconds(86_400), created.plusSeconds(259_200)));
            send(EventType.TICKET_FIRST_RESPONSE, ticket, new TicketFirstResponse(ticket, created.plusSeconds(3000), created, 3000L,
                    true, false, ContactReason.WHERE_IS_MY_ORDER, customer, null, (String) t[2], (String) t[1]));
        }
        for (String variant : List.of("A", "B")) {
            String customer = id("CUST");
            String message = id("NTF");
            String order = id("ORD");
            send(EventType.NOTIFICATION_SENT, customer, new NotificationSent(message, customer, at(8, 9), NotificationChannel.EMAIL,
                    MessageKind.ORDER_UPDATES, TEMPLATE, variant, "es-ES", UUID.randomUUID().toString(),
                    "postventa.order-status.changed.v1", 1, null, order, null, null, null));
            if (variant.equals("A")) {
                send(EventType.NOTIFICATION_PORTAL_LINK_OPENED, customer, new io.postventa.events.notifications.NotificationPortalLinkOpened(
                        message, customer, at(8, 12), NotificationChannel.EMAIL, MessageKind.ORDER_UPDATES, TEMPLATE, variant, order));
            } else {
                send(EventType.NOTIFICATION_UNSUBSCRIBED, customer, new io.postventa.events.notifications.NotificationUnsubscribed(
                        message, customer, at(8, 12), NotificationChannel.EMAIL, MessageKind.ORDER_UPDATES, TEMPLATE, variant, order));
            }
        }
        given().header("Authorization", Tokens.bearer(Tokens.admin("admin-views"))).contentType("application/json")
                .body(Map.of("name", "Centro Sur", "targets", List.of(Map.of("metric", "FIRST_RESPONSE_WITHIN_HOURS", "hours", 24,
                        "target", 0.95), Map.of("metric", "CSAT_AVERAGE", "target", 4.2))))
                .put("/api/v1/partners/{team}", PARTNER).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            given().header("Authorization", MANAGER).get("/api/v1/kpis/splits?by=team&" + RANGE).then().statusCode(200)
                    .body("rows.size()", equalTo(2));
            given().header("Authorization", MANAGER).get("/api/v1/kpis/variants?" + RANGE).then().statusCode(200)
                    .body("templates.find { it.templateId == '" + TEMPLATE + "' }.variants.size()", equalTo(2))
                    .body("templates.find { it.templateId == '" + TEMPLATE + "' }.variants.find { it.variant == 'A' }.portalVisits",
                            equalTo(1))
                    .body("templates.find { it.templateId == '" + TEMPLATE + "' }.variants.find { it.variant == 'B' }.unsubscribes",
                            equalTo(1));
        });
    }

    static void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(bad.isEmpty(), page + " has serious or critical accessibility violations: " + bad.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    @Test
    void theDashboardShowsTheSplitsTheAbResultsAndThePartnersScorecardInChromium() {
        load();
        String base = "http://localhost:" + RestAssured.port;
        driver.get(base + "/dashboard?access_token=" + Tokens.manager("manager-views") + "&" + RANGE + "&lang=en");
        assertEquals(-1, driver.getCurrentUrl().indexOf("access_token"), "the token left the address bar");
        for (String chart : List.of("chart-by-channel", "chart-by-team", "chart-variants")) {
            assertTrue(driver.findElement(By.id(chart)).isDisplayed(), "the dashboard draws " + chart);
        }
        List<WebElement> channelBars = driver.findElements(By.cssSelector("#chart-by-channel rect.bar"));
        assertEquals(List.of("EMAIL", "CHAT"), channelBars.stream().map(b -> b.getAttribute("data-label")).sorted(
                java.util.Comparator.reverseOrder()).toList(), "one bar per channel");
        String team = driver.findElement(By.id("table-by-team")).getText();
        assertTrue(team.contains("Centro Sur (partner)"), "the partner team is named as a partner: " + team);
        assertEquals(3, driver.findElements(By.cssSelector("#table-by-agent tr")).size(), "a header and two agents");
        String ab = driver.findElement(By.id("table-variants")).getText();
        assertTrue(ab.contains(TEMPLATE) && ab.contains("no significant difference"), "the A/B table names no winner: " + ab);
        assertTrue(ab.contains("Portal link visits (messages)") && ab.contains("Unsubscribes"), "the A/B table has the link columns: " + ab);
        List<WebElement> a = driver.findElements(By.xpath("//table[@id='table-variants']//tr[td[1]='" + TEMPLATE + "' and td[2]='A']/td"));
        List<WebElement> b = driver.findElements(By.xpath("//table[@id='table-variants']//tr[td[1]='" + TEMPLATE + "' and td[2]='B']/td"));
        assertEquals(List.of("1 (100.0 %)", "0 (0.0 %)"), List.of(a.get(5).getText(), a.get(6).getText()),
                "A's message was visited, nobody unsubscribed: " + ab);
        assertEquals(List.of("0 (0.0 %)", "1 (100.0 %)"), List.of(b.get(5).getText(), b.get(6).getText()),
                "B's customer unsubscribed: " + ab);
        assertAccessible("the dashboard");

        driver.findElement(By.cssSelector("#list-partners a[href*='" + PARTNER + "']")).click();
        String month = YEAR + "-09";
        driver.get(driver.getCurrentUrl().replaceAll("\\?.*", "") + "?month=" + month + "&lang=en");
        assertTrue(driver.getTitle().startsWith("Partner scorecard · Centro Sur · " + month), driver.getTitle());
        String card = driver.findElement(By.id("table-scorecard")).getText();
        assertTrue(card.contains("First response within 24 h") && card.contains("100.0 %") && card.contains("met"),
                "the scorecard sets the 24 h target against September's 1 of 1: " + card);
        assertTrue(driver.findElement(By.id("chart-scorecard-0")).isDisplayed(), "the trend is drawn");
        assertAccessible("the partner scorecard");
    }
}
