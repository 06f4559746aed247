package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.RETURNS;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.postventa.events.EventType;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Tokens;

/**
 * The staff console in a real headless Chromium against the packaged services on the real Kafka and PostgreSQL:
 * what an agent, a partner agent and an admin see and do, with axe-core on every page and the screenshots of the
 * inbox, the ticket view and the review queue written to docs/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserSystemTest extends SystemTest {
    private static final String AGENT = "agent-ana";
    private static final String PARTNER = "partner-pablo";
    private static final String ADMIN = "admin-alex";
    private static final String ADMIN_TOKEN = Tokens.admin("admin-st");

    private static Console console;
    private static Browser browser;
    private static WebDriverWait wait;
    /** The WISMO ticket of the first scenario, opened again when returns-service is stopped. */
    private static String wismoTicketId;

    @BeforeAll
    static void startConsoleAndBrowser() {
        console = Console.get(platform);
        browser = Browser.open();
        wait = new WebDriverWait(browser.driver(), WAIT);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.driver().get(console.url("/sign-in"));
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    @Order(1)
    void anAgentSeesTheInboxMostUrgentFirstOpensAWismoTicketBesideItsOrderAndSendsTheProceduresReply() {
        String marker = "Ref-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(TICKET, ADMIN_TOKEN).body(Map.of("reason", "WHERE_IS_MY_ORDER", "name", "Carrier incident",
                "steps", List.of("Check the carrier's incident", "Tell the customer what happens next"),
                "replyEs", "Hola {{customerName}}: tu pedido {{orderId}} ha tenido una incidencia con el transportista. " + marker,
                "replyEn", "Hello {{customerName}}, your order {{orderId}} had an incident with the carrier; we are on it. " + marker))
                .put("/api/v1/procedures/a-carrier-incident").then().statusCode(200);
        Shop.Customer customer = Shop.Customer.fresh("en");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id())
                .placed(placedAt, LocalDate.now(ZoneOffset.UTC).plusDays(2), "CHAIR-3", "furniture", "80.00")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(3, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_EXCEPTION, placedAt.plus(1, ChronoUnit.DAYS));
        wismoTicketId = await("ticket-service opens a WISMO ticket for the shipment exception of " + order.id())
                .atMost(WAIT).until(() -> Api.asAgent(TICKET).queryParam("orderId", order.id()).get("/api/v1/tickets")
                        .then().statusCode(200).extract().<String>path("items.find { it.reason == 'WHERE_IS_MY_ORDER' }.id"),
                        id -> id != null);
        // an urgent ticket must come before it, whatever their ages
        String urgentId = Api.asAgent(TICKET).body(Map.of("channel", "CHAT", "customerId", Shop.id("CUST"),
                "message", "My parcel arrived broken, the glass is shattered")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("ticketId");
        Api.asAgent(TICKET).body(Map.of("priority", "URGENT")).put("/api/v1/tickets/" + urgentId + "/priority")
                .then().statusCode(200);
        Api.asAgent(TICKET).body(Map.of("priority", "HIGH")).put("/api/v1/tickets/" + wismoTicketId + "/priority")
                .then().statusCode(200);

        signIn(AGENT, "/inbox");
        List<WebElement> rows = await("the inbox lists both tickets").atMost(WAIT).until(() -> {
            browser.driver().navigate().refresh();
            return browser.driver().findElements(By.cssSelector("tr.ticket-row"));
        }, r -> ids(r).containsAll(List.of(urgentId, wismoTicketId)));
        List<String> ids = ids(rows);
        assertTrue(ids.indexOf(urgentId) < ids.indexOf(wismoTicketId),
                "the urgent ticket is above the high one: " + ids);
        List<Integer> ranks = rows.stream().map(r -> rank(r.getAttribute("data-priority"))).toList();
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i - 1) <= ranks.get(i), "the inbox lists the higher priority first: " + ranks);
        }
        browser.assertAccessible("the inbox");
        browser.screenshot("console-inbox");

        browser.driver().findElement(By.id("t-" + wismoTicketId)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-timeline")));
        String timeline = browser.driver().findElement(By.id("order-timeline")).getText();
        assertTrue(timeline.lines().count() >= 3, "the order's timeline is beside the ticket: " + timeline);
        assertTrue(browser.driver().findElement(By.id("promised-date")).getText()
                .contains(LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()), "the promised date is shown");
        WebElement draft = browser.driver().findElement(By.id("procedure-body"));
        assertTrue(draft.getAttribute("value").contains(order.id()) && draft.getAttribute("value").contains(marker),
                "the suggested procedure's reply is filled in for this order: " + draft.getAttribute("value"));
        browser.assertAccessible("the ticket view");
        browser.screenshot("console-ticket");

        draft.sendKeys(" Thank you for your patience.");
        browser.driver().findElement(By.id("send-procedure")).click();
        wait.until(ExpectedConditions.urlContains("done=sent"));
        assertTrue(browser.driver().findElement(By.id("conversation")).getText().contains(marker),
                "the reply is in the conversation");
        await("the customer receives the reply at " + customer.email()).atMost(WAIT).until(() -> Mailbox.to(customer.email())
                .stream().anyMatch(m -> m.body().contains(marker) && m.body().contains("Thank you for your patience")));
    }

    @Test
    @Order(2)
    void aPartnerAgentSeesMaskedDataAndOnlyItsTeamsTickets() {
        Shop.Customer customer = Shop.Customer.fresh("en");
        String partnerTicket = Api.asAgent(TICKET).body(Map.of("channel", "PHONE", "ivrOption", "5",
                "customerId", customer.id(), "email", customer.email(), "message", "I need a copy of my invoice"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        String inHouseTicket = Api.asAgent(TICKET).body(Map.of("channel", "PHONE", "ivrOption", "3",
                "customerId", customer.id(), "email", customer.email(), "message", "The lamp arrived broken"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");

        signIn(PARTNER, "/inbox");
        List<WebElement> rows = await("the partner's inbox lists its team's ticket").atMost(WAIT).until(() -> {
            browser.driver().navigate().refresh();
            return browser.driver().findElements(By.cssSelector("tr.ticket-row"));
        }, r -> ids(r).contains(partnerTicket));
        assertFalse(ids(rows).contains(inHouseTicket), "another team's ticket is not listed: " + ids(rows));
        String masked = customer.email().charAt(0) + "***@example.com";
        assertTrue(rowOf(rows, partnerTicket).getText().contains(masked), "the e-mail is masked as the API masks it");
        assertFalse(browser.driver().getPageSource().contains(customer.email()), "the full e-mail is nowhere on the page");
        browser.assertAccessible("the partner's inbox");

        browser.driver().findElement(By.id("t-" + partnerTicket)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-customer")));
        assertEquals(masked, browser.driver().findElement(By.id("ticket-customer")).getText());
        assertFalse(browser.driver().getPageSource().contains(customer.email()), "the ticket view shows no full e-mail");
        browser.driver().get(console.url("/tickets/" + inHouseTicket));
        assertFalse(browser.driver().getPageSource().contains("The lamp arrived broken"),
                "another team's ticket does not open for the partner");
    }

    @Test
    @Order(3)
    void anAgentApprovesAReturnFromTheReviewQueueAndTheCustomerIsTold() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Shop.Order order = shop.order(customer.id()).deliveredAt(ReturnsSystemTest.daysAgo(5), "PHONE-X", "electronics", "450.00");
        ReturnsSystemTest.awaitReturnable(customer, order, "PHONE-X");
        String returnId = ReturnsSystemTest.requestReturn(customer, order, "PHONE-X", "CHANGED_MIND");

        signIn(AGENT, "/returns");
        WebElement review = await("return " + returnId + " waits in the review queue").atMost(WAIT).until(() -> {
            browser.driver().navigate().refresh();
            return browser.driver().findElements(By.cssSelector("section.review[data-return='" + returnId + "']"));
        }, found -> !found.isEmpty()).get(0);
        assertFalse(review.findElements(By.cssSelector("ul.risk-reasons li")).isEmpty(),
                "the risk matrix's reasons are shown: " + review.getText());
        browser.assertAccessible("the review queue");
        browser.screenshot("console-returns-review");

        review.findElement(By.id("note-" + returnId)).sendKeys("Checked with the customer by phone");
        review.findElement(By.id("approve-" + returnId)).click();
        wait.until(ExpectedConditions.urlContains("done=approved"));
        ReturnsSystemTest.awaitEmail(customer, "Devolución " + returnId + " aprobada");
    }

    @Test
    @Order(4)
    void anAdminSavesAnInvalidTemplateAndSeesTheFieldErrorWithWhatWasTyped() {
        signIn(ADMIN, "/admin/templates");
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table a[href^='/admin/templates/']")));
        browser.assertAccessible("the template list");
        first.click();
        WebElement body = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("v0-body")));
        String typed = "Hello {noSuchValue}, this does not render";
        body.clear();
        body.sendKeys(typed);
        browser.driver().findElement(By.id("save-template")).click();
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("v0-body-error")));
        assertTrue(error.getText().contains("does not render"), "the service's field error is next to the field: " + error.getText());
        assertEquals(typed, browser.driver().findElement(By.id("v0-body")).getAttribute("value"), "what was typed is kept");
        browser.assertAccessible("the template form with its error");
    }

    @Test
    @Order(5)
    void withoutASessionAPageLeadsToSignInAndBackToThatPage() {
        browser.driver().get(console.url("/returns"));
        wait.until(ExpectedConditions.urlContains("/sign-in?next=%2Freturns"));
        browser.assertAccessible("the sign-in page");
        browser.driver().findElement(By.id("sign-in-" + AGENT)).click();
        wait.until(ExpectedConditions.urlMatches(".*/returns$"));
    }

    @Test
    @Order(6)
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        String ticketId = Api.asAgent(TICKET).body(Map.of("channel", "CHAT", "customerId", Shop.id("CUST"),
                "message", "Can I change the colour of my order?")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("ticketId");
        signIn(AGENT, "/tickets/" + ticketId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-body"))).sendKeys("Forged reply");
        browser.driver().executeScript("document.querySelector('#reply-form input[name=\"csrf-token\"]').remove()");
        browser.driver().findElement(By.id("send-reply")).click();
        wait.until(d -> !d.getCurrentUrl().endsWith("/tickets/" + ticketId) || d.findElements(By.id("reply-body")).isEmpty());
        assertFalse(browser.driver().getCurrentUrl().contains("done=sent"), "the console did not accept the form");
        List<String> bodies = Api.asAgent(TICKET).get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .extract().path("messages.body");
        assertFalse(bodies.contains("Forged reply"), "nothing reached the ticket: " + bodies);
    }

    @Test
    @Order(7)
    void theCustomerSearchShowsResultsAsTheAgentTypes() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        await("ticket-service knows customer " + customer.id()).atMost(WAIT).untilAsserted(() ->
                Api.asAgent(TICKET).queryParam("q", customer.email()).get("/api/v1/customers/search")
                        .then().statusCode(200).body("customers.customerId", org.hamcrest.Matchers.hasItem(customer.id())));
        signIn(AGENT, "/customers");
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-q")));
        box.sendKeys(customer.email());
        WebElement results = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-results")));
        wait.until(d -> results.getText().contains(customer.lastName()));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/customers"),
                "the search was not submitted as a page: the results came as the agent typed");
        assertFalse(browser.driver().getCurrentUrl().contains(customer.email()), "the search terms are not in the URL");
        browser.assertAccessible("the customer search with results");
    }

    @Test
    @Order(8)
    void theAdminsRulePagesAndTheManagersReportsHaveNoSeriousAccessibilityViolation() {
        signIn(ADMIN, "/admin");
        browser.assertAccessible("the rules index");
        for (String kind : List.of("procedures", "priority-rules", "sla-policies", "teams", "routing-rules",
                "return-policy", "risk-rules", "delay-policy")) {
            browser.driver().get(console.url("/admin/rules/" + kind));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-json")));
            assertFalse(browser.driver().getPageSource().contains("unavailable right now"), kind + " loads from its service");
            browser.assertAccessible("the " + kind + " editor");
        }
        browser.driver().manage().deleteAllCookies();
        signIn("manager-marta", "/reports");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
        assertFalse(browser.driver().findElements(By.cssSelector("a[href$='/dashboard']")).isEmpty(),
                "the manager reaches the feedback dashboard from the reports page");
        browser.assertAccessible("the reports page");
    }

    @Test
    @Order(99)
    void withReturnsServiceStoppedTheTicketViewStillOpensAndSaysReturnsAreUnavailable() {
        String ticketId = wismoTicketId != null ? wismoTicketId
                : Api.asAgent(TICKET).body(Map.of("channel", "CHAT", "customerId", Shop.id("CUST"),
                        "message", "Where is my order?")).post("/api/v1/contacts").then().statusCode(201)
                        .extract().path("ticketId");
        platform.stop(RETURNS);
        try {
            signIn(AGENT, "/tickets/" + ticketId);
            WebElement returns = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("returns-panel")));
            assertTrue(returns.getText().contains("Returns are unavailable"), "the returns part says so: " + returns.getText());
            assertFalse(browser.driver().findElements(By.id("conversation")).isEmpty(), "the conversation is there");
            assertFalse(browser.driver().findElements(By.id("reply-form")).isEmpty(), "the agent can still reply");
        } finally {
            platform.start(RETURNS);
        }
    }

    private static void signIn(String user, String page) {
        browser.driver().get(console.url(page));
        wait.until(ExpectedConditions.urlContains("/sign-in"));
        browser.driver().findElement(By.id("sign-in-" + user)).click();
        wait.until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    private static List<String> ids(List<WebElement> rows) {
        return rows.stream().map(r -> r.getAttribute("data-ticket")).toList();
    }

    private static WebElement rowOf(List<WebElement> rows, String id) {
        return rows.stream().filter(r -> id.equals(r.getAttribute("data-ticket"))).findFirst().orElseThrow();
    }

    private static int rank(String priority) {
        return switch (priority) {
            case "URGENT" -> 0;
            case "HIGH" -> 1;
            case "NORMAL" -> 2;
            default -> 3;
        };
    }
}
