package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The dashboard as a manager sees it: rendered by a real headless Chromium, charts and all. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class DashboardTest extends FeedbackTestSupport {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final int YEAR = 2100 + ThreadLocalRandom.current().nextInt(800);
    static final String RANGE = "from=" + LocalDate.of(YEAR, 5, 4) + "&to=" + LocalDate.of(YEAR, 5, 10);
    static final String MANAGER = Tokens.bearer(Tokens.manager("manager-dash"));
    static boolean loaded;

    static Instant at(int day) {
        return LocalDate.of(YEAR, 5, day).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        assertTrue(Files.isExecutable(CHROMIUM), "the dashboard test needs Debian's Chromium at " + CHROMIUM
                + " (apt-get install -y chromium); it renders the page in a real browser and cannot run without it");
    }

    /** Four orders and three contacts (two about where the order is, one about damage) in a week of its own. */
    void load() {
        if (loaded) {
            return;
        }
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String order = id("ORD");
            orders.add(order);
            send(EventType.ORDER_STATUS_CHANGED, order, placed(order, id("CUST"), at(4 + i), line(id("SKU"), "home")));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", MANAGER)
                .get("/api/v1/kpis?" + RANGE).then().statusCode(200).body("totals.orders", equalTo(4)));
        ContactReason[] reasons = { ContactReason.WHERE_IS_MY_ORDER, ContactReason.WHERE_IS_MY_ORDER, ContactReason.DAMAGED_ITEM };
        for (int i = 0; i < 3; i++) {
            String ticket = id("TCK");
            send(EventType.CONTACT_RECEIVED, ticket, contact(ticket, id("CUST"), orders.get(i), reasons[i], at(5 + i)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", MANAGER)
                .get("/api/v1/kpis?" + RANGE).then().statusCode(200).body("totals.contacts", equalTo(3)));
        loaded = true;
    }

    private static String url(String query) {
        return "http://localhost:" + RestAssured.port + "/dashboard?" + query;
    }

    /** Runs headless Chromium on a fresh profile; returns what it printed on stdout. */
    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=1280,2000"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish rendering the dashboard within 3 minutes");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardRendersItsChartsInAHeadlessChromium() throws Exception {
        load();
        String dom = chromium("--dump-dom", url("access_token=" + Tokens.manager("manager-dash") + "&" + RANGE + "&lang=en"));
        assertTrue(dom.contains("Customer experience dashboard"), "the English dashboard, got: " + dom);
        for (String chart : List.of("chart-pareto", "chart-contacts-per-order", "chart-nps-csat", "chart-first-response",
                "chart-drivers")) {
            assertTrue(dom.contains("id=\"" + chart + "\""), "the page has the " + chart + " SVG chart");
        }
        Matcher pareto = Pattern.compile("<rect class=\"bar\" data-label=\"([^\"]+)\" data-value=\"([^\"]+)\"").matcher(
                dom.substring(dom.indexOf("id=\"chart-pareto\"")));
        assertTrue(pareto.find(), "the Pareto chart has bars");
        assertEquals("Where is my order?", pareto.group(1));
        assertEquals("2", pareto.group(2));
        assertTrue(pareto.find());
        assertEquals("Damaged item", pareto.group(1));
        assertTrue(dom.contains("class=\"cumulative-line\""), "the Pareto chart draws the cumulative share");
        assertTrue(dom.contains("id=\"tile-contacts-per-order\""), "the KPI tiles are there");
        assertTrue(dom.contains("0.75"), "contacts per order 3/4 = 0.75 is shown");

        Path png = Files.createTempFile("dashboard", ".png");
        chromium("--screenshot=" + png, url("access_token=" + Tokens.manager("manager-dash") + "&" + RANGE + "&lang=es"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() >= 1200, "Chromium wrote a screenshot of the page");
        int barPixels = 0;
        int linePixels = 0;
        for (int y = 150; y < Math.min(image.getHeight(), 1100); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (close(rgb, 0x2563eb)) {
                    barPixels++;
                } else if (close(rgb, 0xdc2626)) {
                    linePixels++;
                }
            }
        }
        assertTrue(barPixels > 2000, "the charts' bars are painted in the upper part of the page (blue pixels: " + barPixels + ")");
        assertTrue(linePixels > 50, "the Pareto's cumulative line is painted (red pixels: " + linePixels + ")");
    }

    private static boolean close(int rgb, int target) {
        return Math.abs(((rgb >> 16) & 0xFF) - ((target >> 16) & 0xFF)) < 12 && Math.abs(((rgb >> 8) & 0xFF) - ((target >> 8) & 0xFF)) < 12
                && Math.abs((rgb & 0xFF) - (target & 0xFF)) < 12;
    }

    @Test
    void theDashboardSpeaksSpanishByDefaultAndEnglishWhenAsked() {
        load();
        given().header("Authorization", MANAGER).get("/dashboard?" + RANGE).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Panel de experiencia de cliente"))
                .body(containsString("¿Dónde está mi pedido?"));
        given().header("Authorization", MANAGER).header("Accept-Language", "en-GB,en;q=0.8").get("/dashboard?" + RANGE).then()
                .statusCode(200).body(containsString("Where is my order?"));
    }

    @Test
    void theDashboardSpeaksPortugueseWhenAskedAndOffersEveryLanguage() {
        load();
        given().header("Authorization", MANAGER).header("Accept-Language", "pt-PT,pt;q=0.9").get("/dashboard?" + RANGE).then()
                .statusCode(200).header("Content-Language", "pt")
                .body(containsString("Painel de experiência do cliente"))
                .body(containsString("Onde está a minha encomenda?"));
        given().header("Authorization", MANAGER).get("/dashboard?lang=pt&" + RANGE).then().statusCode(200)
                .body(containsString("<html lang=\"pt\">"))
                .body(containsString("hreflang=\"es\" lang=\"es\">Español</a>"))
                .body(containsString("hreflang=\"pt\" lang=\"pt\">Português</a>"));
    }

    @Test
    void aLinkWithTheTokenSetsAStrictHttpOnlyCookieAndDropsTheTokenFromTheAddress() {
        String token = Tokens.manager("manager-dash");
        var response = given().redirects().follow(false).get("/dashboard?access_token=" + token + "&lang=en").then()
                .statusCode(303).header("Location", not(containsString("access_token"))).header("Location", containsString("lang=en"))
                .extract();
        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.contains(DashboardCookie.NAME + "=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                && cookie.contains("Path=/dashboard"), "a strict, HttpOnly cookie scoped to the dashboard, got: " + cookie);
        given().cookie(DashboardCookie.NAME, token).get("/dashboard").then().statusCode(200);
    }

    @Test
    void theDashboardIsForManagersAndAdminsOnly() {
        given().get("/dashboard").then().statusCode(401);
        given().get("/dashboard?access_token=forged").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.agent("a-1"))).get("/dashboard").then().statusCode(403);
        given().cookie(DashboardCookie.NAME, Tokens.customer(id("CUST"))).get("/dashboard").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.admin("ad-1"))).get("/dashboard").then().statusCode(200);
        given().header("Authorization", MANAGER).get("/dashboard?lang=fr").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
        given().header("Authorization", MANAGER).get("/dashboard?granularity=year").then().statusCode(400)
                .body("errors[0].field", equalTo("granularity"));
    }

    /** The cookie's name as the resource sets it. */
    static final class DashboardCookie {
        static final String NAME = "postventa_dashboard";
    }
}
