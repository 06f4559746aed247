package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.NOTIFICATION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.postventa.events.EventType;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;

/**
 * The customer portal in a real headless Chromium on a phone-sized window, against the packaged services on the real
 * Kafka, PostgreSQL and SMTP server: the link of a shipped order's e-mail opens its timeline in Spanish; a repeat
 * customer returns a cheap item and downloads its label from the page; a risky return shows "in review"; a survey is
 * answered from its invitation e-mail; a preference changes and a kind of message is unsubscribed; "where is my
 * order?" is answered on the page with the live status; altered and expired links are refused; too many lookups get
 * the 429 page. axe-core checks each page in Spanish and English, every page stays under 100 KB, and the screenshots
 * go to docs/screenshots/portal-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserSystemTest extends SystemTest {
    /** notification-service's development portal-link key (its application.properties); the expired link is signed with it. */
    private static final String DEV_LINK_SECRET = "dev-only-portal-link-secret-change-me-0123456789";
    private static final long MAX_PAGE_BYTES = 100_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Browser browser;
    private static WebDriverWait wait;
    /** The shipped order of the first scenario, its customer and its link (used again for a question and bad links). */
    private static Shop.Customer shippedCustomer;
    private static Shop.Order shippedOrder;
    private static String shippedLink;
    /** An English-speaking customer's shipped order, asked about in English in the question scenario. */
    private static Shop.Customer englishCustomer;
    private static Shop.Order englishOrder;
    /** The approved return of the second scenario, which another order's session must not show. */
    private static String approvedReturnId;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.phone();
        // a page being replaced (a form sent, the language changed) may drop an element while it is read
        wait = (WebDriverWait) new WebDriverWait(browser.driver(), WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theLinkInAShippedOrdersEmailOpensItsTimelineInSpanish() {
        shippedCustomer = Shop.Customer.fresh("es");
        shop.upsert(shippedCustomer);
        Instant placedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        shippedOrder = shop.order(shippedCustomer.id())
                .placed(placedAt, LocalDate.now(ZoneOffset.UTC).plusDays(2), "LAMP-2", "home", "35.00")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(3, ChronoUnit.HOURS));
        englishCustomer = Shop.Customer.fresh("en");
        shop.upsert(englishCustomer);
        englishOrder = shop.order(englishCustomer.id())
                .placed(placedAt, LocalDate.now(ZoneOffset.UTC).plusDays(2), "LAMP-5", "home", "36.00")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(3, ChronoUnit.HOURS));
        Email shipped = awaitEmailWithPortalLink(shippedCustomer, shippedOrder.id());
        shippedLink = portalLink(shipped);

        fresh();
        browser.driver().get(shippedLink);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-timeline")));
        assertEquals(Platform.portalUrl() + "/order", browser.driver().getCurrentUrl(),
                "the token left the address bar once the link checked out");
        assertEquals("es", browser.driver().findElement(By.tagName("html")).getAttribute("lang"),
                "the page speaks the customer's language, not the browser's English");
        String timeline = browser.driver().findElement(By.id("order-timeline")).getText();
        assertTrue(timeline.contains("Pedido realizado") && timeline.contains("Entregado al transportista"),
                "the timeline in Spanish: " + timeline);
        assertTrue(browser.driver().findElement(By.id("status-text")).getText().contains("ha salido de nuestro almacén"),
                "the live status in Spanish");
        assertEquals(shippedOrder.carrier(), browser.driver().findElement(By.id("carrier")).getText());
        assertTrue(browser.driver().findElement(By.id("tracking-number")).getText().contains(shippedOrder.trackingNumber()));
        assertFalse(browser.driver().findElements(By.id("promised-date")).isEmpty(), "the promised date is shown");
        checkPage("order", true);
    }

    @Test
    @Order(2)
    void aRepeatCustomerLooksTheOrderUpReturnsACheapItemAndDownloadsItsLabel() throws Exception {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Shop.Order first = shop.order(customer.id()).deliveredAt(ReturnsSystemTest.daysAgo(60), "MUG-1", "home", "9.90");
        ReturnsSystemTest.awaitDelivered(customer, first);
        Shop.Order second = shop.order(customer.id()).deliveredAt(ReturnsSystemTest.daysAgo(4), "TSHIRT-BLU-M", "apparel", "19.90");
        ReturnsSystemTest.awaitReturnable(customer, second, "TSHIRT-BLU-M");
        awaitEmailWithPortalLink(customer, second.id()); // notification-service knows the order: it can be looked up

        fresh();
        browser.driver().get(Platform.portalUrl() + "/");
        checkPage("lookup", true);
        browser.driver().findElement(By.id("lookup-order")).sendKeys(second.id());
        browser.driver().findElement(By.id("lookup-contact")).sendKeys(customer.email().toUpperCase());
        browser.driver().findElement(By.id("lookup-submit")).click();
        wait.until(ExpectedConditions.urlToBe(Platform.portalUrl() + "/order"));
        assertFalse(browser.driver().getCurrentUrl().contains("@"), "no personal data in the URL");

        browser.driver().findElement(By.id("start-return")).click();
        WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".line[data-sku='TSHIRT-BLU-M']")));
        checkPage("return-form", true);
        line = browser.driver().findElement(By.cssSelector(".line[data-sku='TSHIRT-BLU-M']"));
        new Select(line.findElement(By.name("qty"))).selectByValue("1");
        new Select(line.findElement(By.name("reason"))).selectByValue("SIZE_FIT");
        browser.driver().findElement(By.id("send-return")).click();

        WebElement label = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("label-download")));
        String rma = browser.driver().findElement(By.id("rma-code")).getText();
        assertTrue(rma.startsWith("RMA-"), "the RMA code is on the page: " + rma);
        approvedReturnId = browser.driver().getCurrentUrl().substring(browser.driver().getCurrentUrl().lastIndexOf('/') + 1);
        checkPage("return-approved", true);

        HttpResponse<byte[]> pdf = download(browser.driver().findElement(By.id("label-download")).getAttribute("href"));
        assertEquals(200, pdf.statusCode(), "the label downloads");
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(Arrays.copyOf(pdf.body(), 4), StandardCharsets.US_ASCII));
        HttpResponse<byte[]> qr = download(browser.driver().findElement(By.id("qr-download")).getAttribute("href"));
        assertEquals(200, qr.statusCode(), "the QR code downloads");
        assertEquals("PNG", new String(Arrays.copyOfRange(qr.body(), 1, 4), StandardCharsets.US_ASCII));
    }

    @Test
    @Order(3)
    void aRiskyReturnShowsInReviewWithWhenToExpectAnAnswer() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Shop.Order order = shop.order(customer.id()).deliveredAt(ReturnsSystemTest.daysAgo(5), "PHONE-X", "electronics", "450.00");
        ReturnsSystemTest.awaitReturnable(customer, order, "PHONE-X");
        String link = portalLink(awaitEmailWithPortalLink(customer, order.id()));

        fresh();
        browser.driver().get(link.replaceAll("/p/([^/]+)$", "/p/$1/return"));
        WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".line[data-sku='PHONE-X']")));
        new Select(line.findElement(By.name("qty"))).selectByValue("1");
        new Select(line.findElement(By.name("reason"))).selectByValue("CHANGED_MIND");
        browser.driver().findElement(By.id("send-return")).click();
        WebElement review = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-review")));
        assertTrue(review.getText().contains("revisará tu devolución") && !review.findElements(By.tagName("time")).isEmpty(),
                "in review, with when to expect an answer: " + review.getText());
        checkPage("return-in-review", true);

        if (approvedReturnId != null) {
            browser.driver().get(Platform.portalUrl() + "/returns/" + approvedReturnId);
            assertFalse(browser.driver().findElements(By.id("decision")).size() > 0
                    || browser.driver().getPageSource().contains("rma-code"),
                    "a session for one order never shows another order's return");
        }
    }

    @Test
    @Order(4)
    void aSurveyIsAnsweredFromItsInvitationEmail() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        shop.order(customer.id()).deliveredAt(Instant.now().minus(1, ChronoUnit.HOURS), "LAMP-3", "home", "25.00");
        // an English-speaking customer too: the thank-you page exists only after an answer, so it is checked in
        // English with an invitation of their own
        Shop.Customer english = Shop.Customer.fresh("en");
        shop.upsert(english);
        shop.order(english.id()).deliveredAt(Instant.now().minus(1, ChronoUnit.HOURS), "LAMP-4", "home", "27.00");
        Email invitation = ReturnsSystemTest.awaitEmail(customer, "¿Qué tal lo hemos hecho?");
        Matcher survey = Pattern.compile(Pattern.quote(Platform.portalUrl()) + "/survey/[A-Za-z0-9_.=-]+").matcher(invitation.body());
        assertTrue(survey.find(), "the invitation leads to the portal's survey page: " + invitation.body());

        fresh();
        browser.driver().get(survey.group());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("survey-form")));
        assertEquals(11, browser.driver().findElements(By.cssSelector("label.score")).size(), "NPS 0 to 10 as buttons");
        checkPage("survey", true);
        browser.driver().findElement(By.cssSelector("label[for='score-9']")).click();
        browser.driver().findElement(By.id("survey-comment")).sendKeys("Todo perfecto");
        browser.driver().findElement(By.id("send-survey")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("survey-thanks")));
        checkPage("survey-thanks", false);

        Email inEnglish = ReturnsSystemTest.awaitEmail(english, "How did we do?");
        Matcher englishSurvey = Pattern.compile(Pattern.quote(Platform.portalUrl()) + "/survey/[A-Za-z0-9_.=-]+")
                .matcher(inEnglish.body());
        assertTrue(englishSurvey.find(), "the English invitation leads to the portal's survey page: " + inEnglish.body());
        fresh();
        browser.driver().get(englishSurvey.group());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("survey-form")));
        // the page speaks the survey's locale, which feedback-service takes from the order (Spanish here), not the
        // customer's language the e-mail was written in: the customer chooses English on the page
        switchLanguage("en");
        browser.driver().findElement(By.cssSelector("label[for='score-10']")).click();
        browser.driver().findElement(By.id("send-survey")).click();
        assertEquals("Thank you!", wait.until(ExpectedConditions.presenceOfElementLocated(By.id("survey-thanks"))).getText());
        browser.assertAccessible("the portal's survey-thanks page in en");
        fresh();

        // the preferences link of the same e-mail, then its unsubscribe link
        Matcher preferences = Pattern.compile(Pattern.quote(Platform.portalUrl()) + "/p/[A-Za-z0-9_.-]+/preferences")
                .matcher(invitation.body());
        assertTrue(preferences.find(), "the invitation links to the customer's preferences: " + invitation.body());
        browser.driver().get(preferences.group());
        WebElement surveysByEmail = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("SURVEYS-EMAIL")));
        checkPage("preferences", true);
        surveysByEmail = browser.driver().findElement(By.id("SURVEYS-EMAIL"));
        assertTrue(surveysByEmail.isSelected(), "every channel starts on");
        surveysByEmail.click();
        browser.driver().findElement(By.id("save-prefs")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("prefs-saved")));
        assertFalse(browser.driver().findElement(By.id("SURVEYS-EMAIL")).isSelected(), "the page shows the saved choice");
        Api.asCustomer(NOTIFICATION, customer.id()).get("/api/v1/customers/me/preferences").then().statusCode(200)
                .body("channels.SURVEYS.EMAIL", org.hamcrest.Matchers.equalTo(false))
                .body("channels.SURVEYS.SMS", org.hamcrest.Matchers.equalTo(true));

        Matcher unsubscribe = Pattern.compile(Pattern.quote(Platform.portalUrl()) + "/unsubscribe\\?token=[^\\s]+")
                .matcher(invitation.body());
        assertTrue(unsubscribe.find(), "the text's unsubscribe link leads to the portal: " + invitation.body());
        fresh();
        browser.driver().get(unsubscribe.group());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-unsubscribe")));
        assertTrue(browser.driver().findElement(By.id("unsubscribe-question")).getText().contains("encuestas"),
                "it asks, in the message's language, about that kind of message");
        checkPage("unsubscribe", true);
        browser.driver().findElement(By.id("confirm-unsubscribe")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unsubscribed")));
        checkPage("unsubscribed", false);
        // the confirmation exists only after the POST: the same link again, in English, confirmed again (idempotent)
        browser.driver().get(unsubscribe.group());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-unsubscribe")));
        switchLanguage("en");
        browser.driver().findElement(By.id("confirm-unsubscribe")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unsubscribed")));
        assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        browser.assertAccessible("the portal's unsubscribed page in en");
        Api.asCustomer(NOTIFICATION, customer.id()).get("/api/v1/customers/me/preferences").then().statusCode(200)
                .body("channels.SURVEYS.SMS", org.hamcrest.Matchers.equalTo(false))
                .body("channels.SURVEYS.PUSH", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    @Order(5)
    void whereIsMyOrderIsAnsweredOnThePageWithTheLiveStatus() {
        if (shippedLink == null) {
            theLinkInAShippedOrdersEmailOpensItsTimelineInSpanish();
        }
        fresh();
        browser.driver().get(shippedLink);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-timeline")));
        browser.driver().get(Platform.portalUrl() + "/question");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("question-message")));
        checkPage("question", true);
        browser.driver().findElement(By.id("question-message")).sendKeys("¿Dónde está mi pedido?");
        browser.driver().findElement(By.id("send-question")).click();
        WebElement answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-text")));
        assertTrue(answer.getText().contains(shippedOrder.id()) && answer.getText().contains("ha salido de nuestro almacén")
                && answer.getText().contains(shippedOrder.trackingNumber()),
                "ticket-service's automatic answer with the live status and tracking: " + answer.getText());
        checkPage("question-answered", false);

        // the answer exists only after the POST (asking again would join the ticket and be acknowledged): an
        // English-speaking customer asks about their own shipped order from their e-mail's link
        if (englishOrder == null) {
            theLinkInAShippedOrdersEmailOpensItsTimelineInSpanish();
        }
        String englishLink = portalLink(awaitEmailWithPortalLink(englishCustomer, englishOrder.id()));
        fresh();
        browser.driver().get(englishLink);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-timeline")));
        browser.driver().get(Platform.portalUrl() + "/question");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("question-message"))).sendKeys("Where is my order?");
        browser.driver().findElement(By.id("send-question")).click();
        answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-text")));
        assertTrue(answer.getText().contains(englishOrder.id()) && answer.getText().contains(englishOrder.trackingNumber()),
                "the automatic answer with the live status and tracking, in English: " + answer.getText());
        assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        browser.assertAccessible("the portal's question-answered page in en");
    }

    @Test
    @Order(6)
    void anAlteredAndAnExpiredLinkAreRefusedWithTheLookupOffered() throws Exception {
        if (shippedLink == null) {
            theLinkInAShippedOrdersEmailOpensItsTimelineInSpanish();
        }
        String token = shippedLink.substring(shippedLink.lastIndexOf("/p/") + 3);
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        fresh();
        browser.driver().get(Platform.portalUrl() + "/p/" + altered);
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-refused")));
        assertEquals("This link is not valid", refused.getText());
        assertFalse(browser.driver().findElements(By.id("lookup-order")).isEmpty(), "the lookup is offered");
        assertFalse(browser.driver().getPageSource().contains(shippedOrder.id()), "nothing of the order shows");
        checkPage("link-invalid", true);

        String[] parts = token.split("\\.");
        String payload = parts[0] + "." + Long.toString(Instant.now().minus(1, ChronoUnit.DAYS).getEpochSecond(), 36);
        String expired = payload + "." + mac(payload);
        browser.driver().get(Platform.portalUrl() + "/p/" + expired);
        refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-refused")));
        assertEquals("This link has expired", refused.getText());
        checkPage("link-expired", true);
        browser.driver().get(Platform.portalUrl() + "/order");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-order")));
        assertFalse(browser.driver().getPageSource().contains(shippedOrder.trackingNumber()), "no session came of it");
    }

    @Test
    @Order(99)
    void tooManyLookupsFromOneAddressGetThe429Page() {
        fresh();
        for (int i = 0; i < 45 && browser.driver().findElements(By.id("too-many")).isEmpty(); i++) {
            browser.driver().get(Platform.portalUrl() + "/");
            browser.driver().findElement(By.id("lookup-order")).sendKeys("ORD-GUESS-" + i);
            browser.driver().findElement(By.id("lookup-contact")).sendKeys("guess" + i + "@example.com");
            browser.driver().findElement(By.id("lookup-submit")).click();
            wait.until(d -> !d.findElements(By.id("lookup-failure")).isEmpty() || !d.findElements(By.id("too-many")).isEmpty());
        }
        assertFalse(browser.driver().findElements(By.id("too-many")).isEmpty(), "the 429 page after too many lookups");
        checkPage("too-many", false);

        // the 429 page answers a POST: in the other language, the next lookup is refused the same
        String lang = browser.driver().findElement(By.tagName("html")).getAttribute("lang");
        switchLanguage("es".equals(lang) ? "en" : "es");
        browser.driver().findElement(By.id("lookup-order")).sendKeys("ORD-GUESS-LAST");
        browser.driver().findElement(By.id("lookup-contact")).sendKeys("guess-last@example.com");
        browser.driver().findElement(By.id("lookup-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("too-many")));
        browser.assertAccessible("the portal's too-many page in " + ("es".equals(lang) ? "en" : "es"));
    }

    /** A browser with no session and no language chosen, like a customer's first click. */
    private static void fresh() {
        browser.driver().get(Platform.portalUrl() + "/q/health/live");
        browser.driver().manage().deleteAllCookies();
    }

    /**
     * The checks every page gets: under 100 KB, axe-core in its language, the phone screenshot; then, for a page
     * reached by GET, the same page in the other language (Spanish or English) through the language form, and back.
     */
    private static void checkPage(String name, boolean againInTheOtherLanguage) {
        long weight = browser.pageWeight();
        assertTrue(weight < MAX_PAGE_BYTES, name + " weighs " + weight + " bytes, over " + MAX_PAGE_BYTES);
        String lang = browser.driver().findElement(By.tagName("html")).getAttribute("lang");
        browser.assertAccessible("the portal's " + name + " page in " + lang);
        browser.screenshot("portal-" + name);
        if (!againInTheOtherLanguage) {
            return;
        }
        String other = "es".equals(lang) ? "en" : "es";
        switchLanguage(other);
        browser.assertAccessible("the portal's " + name + " page in " + other);
        switchLanguage(lang);
    }

    private static void switchLanguage(String lang) {
        new Select(browser.driver().findElement(By.id("lang-choice"))).selectByValue(lang);
        browser.driver().findElement(By.id("lang-change")).click();
        wait.until(d -> lang.equals(documentLanguage(d)));
    }

    /**
     * The language of the document the browser shows, or null while one document replaces another: an element found
     * in the old one can be gone before it is read, and Chromium then answers with an inspector error ("Node with given
     * id does not belong to the document") rather than a stale element.
     */
    private static String documentLanguage(org.openqa.selenium.WebDriver driver) {
        try {
            return (String) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.lang");
        } catch (org.openqa.selenium.WebDriverException replacedMeanwhile) {
            return null;
        }
    }

    private static Email awaitEmailWithPortalLink(Shop.Customer customer, String orderId) {
        return await("an e-mail about " + orderId + " with its portal link reaches " + customer.email()).atMost(WAIT)
                .until(() -> Mailbox.to(customer.email()).stream().filter(m -> m.subject().contains(orderId)
                        && m.body().contains(Platform.portalUrl() + "/p/")).findFirst().orElse(null), m -> m != null);
    }

    private static String portalLink(Email email) {
        Matcher m = Pattern.compile(Pattern.quote(Platform.portalUrl()) + "/p/[A-Za-z0-9_.-]+").matcher(email.body());
        assertTrue(m.find(), "the e-mail links to the order's portal page: " + email.body());
        return m.group();
    }

    /** A file the page links to, fetched with the browser's session, as its download would. */
    private static HttpResponse<byte[]> download(String url) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String mac(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(DEV_LINK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
    }

}
