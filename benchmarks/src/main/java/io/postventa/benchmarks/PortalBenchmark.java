package io.postventa.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.postventa.benchmarks.load.BenchEvents;
import io.postventa.benchmarks.load.Customers;
import io.postventa.benchmarks.load.OpenLoop;
import io.postventa.benchmarks.load.PortalVisitor;
import io.postventa.benchmarks.load.Producer;
import io.postventa.benchmarks.measure.Await;
import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.ProcessStats;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.measure.StackCpu;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.PortalProcess;
import io.postventa.providerstub.ProviderStub;

/**
 * The customer portal in front of the services it reads and writes through: order-status-service, returns-service
 * and notification-service (its links and lookups) from their packaged jars, the portal from its jar, on the
 * benchmark's own Kafka and PostgreSQL. Goals (issue 30): the tracking page's p95 under 100 ms at 200 requests/s,
 * and the one-button return's send-to-decision time on the page (the label downloadable within 2 s of sending).
 *
 * <ol>
 * <li><b>Customers and orders.</b> {@code --customers} (400) customers on customers.v1, each with two orders whose
 * whole journey (placed ... delivered) goes on orders.lifecycle.v1: the first, then, once returns-service knows it
 * delivered, the second, so every customer is a repeat customer. Each customer then looks their second order up on
 * the portal (order number and e-mail, with the page's CSRF token) and keeps the session cookie, as a browser.</li>
 * <li><b>Tracking page.</b> {@code GET /order} of a session, one customer after another, open loop at {@code --rate}
 * (200) per second: {@code --warmup-seconds} (60) not counted (the portal and the services are seconds old), then
 * {@code --seconds} (30) measured; latency from when each request was due to its whole page. An answer counts only
 * with its timeline. The services' share: the two calls the page makes (the order's tracking from
 * order-status-service, the customer's return history from returns-service), one after the other as the portal does,
 * made directly with the customer's token at the same rate; and each part's cores during both phases.</li>
 * <li><b>One-button return.</b> {@code --returns} (50) customers, one after the other on a quiet stack, open the
 * return form, send one cheap T-shirt back (size) and follow the redirect to the return's page, which shows the
 * decision (the portal holds the answer until returns-service decided, up to {@code portal.returns.decision-wait});
 * when approved, the label PDF is downloaded. Send-to-decision and send-to-label are timed from the form's
 * submission; returns-service's share is its own requested-to-decided time (the outbox, Kafka and the risk
 * consumer), the rest is the portal's create call, its polling for the decision, the redirect and the page.</li>
 * </ol>
 */
public final class PortalBenchmark {
    private static final double GOAL_P95_MS = 100;
    private static final double GOAL_LABEL_MS = 2_000;
    private static final String RETURNED_SKU = "TSHIRT-BLU-M";
    private static final HttpClient API = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PortalBenchmark() {
    }

    /** A customer of the run: who, their second order, their browser. */
    private record Visitor(String customerId, String orderId, String token, PortalVisitor browser) {
    }

    /** One return sent through the portal. */
    private record ReturnTiming(String returnId, String outcome, double postMs, double decisionMs, Double labelMs,
            Integer labelStatus) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("portal", "The customer portal: the tracking page's p95 at a fixed rate (open "
                + "loop) with the services' share, and the one-button return's send-to-decision time on the page.", args);
        int customers = options.integer("customers", 400, "repeat customers (two delivered orders each) who look their "
                + "order up and visit its page");
        int rate = options.integer("rate", 200, "tracking page requests/s, on schedule (open loop)");
        int warmupSeconds = options.integer("warmup-seconds", 60, "tracking page load at --rate before the measured "
                + "phase, not counted");
        int seconds = options.integer("seconds", 30, "measured tracking phase");
        int returns = options.integer("returns", 50, "one-button returns sent one after the other (at most --customers)");
        Machine machine = options.start("Portal benchmark");
        if (returns > customers) {
            System.err.println("--returns must not exceed --customers (one return per customer's order)");
            System.exit(2);
        }
        try (BenchStack stack = BenchStack.fresh();
             ProviderStub provider = ProviderStub.builder().keepRequests(false).start();
             Producer producer = new Producer(stack.kafka())) {
            Ceilings ceilings = Ceilings.measure(stack.info(), 1024);
            RunningService orderStatus = stack.startService(PlatformService.ORDER_STATUS, Map.of());
            RunningService returnsService = stack.startService(PlatformService.RETURNS, Map.of());
            Map<String, String> notificationSettings = new LinkedHashMap<>(provider.notificationSettings());
            notificationSettings.put("postventa.notification.order-updates-per-day", "1000000");
            stack.startService(PlatformService.NOTIFICATION, notificationSettings);
            // one address asks for every lookup here, as many customers behind one proxy would without X-Forwarded-For
            PortalProcess portal = stack.startPortal(Map.of("portal.lookup.attempts-per-client", "100000000",
                    "quarkus.log.console.json.enabled", "false"));
            long portalPid = portalPid();

            Map<String, Object> data = new LinkedHashMap<>();
            data.put("customersPreloadSeconds", Latencies.round(Customers.preload(stack, producer, customers)));
            data.put("ordersSeconds", Latencies.round(orders(stack, producer, customers)));
            List<Visitor> visitors = lookUp(customers);
            data.put("customers", customers);
            data.put("ordersPerCustomer", 2);

            System.out.printf("Tracking page: %d requests/s, %d s of warm-up, then %d s measured...%n", rate,
                    warmupSeconds, seconds);
            OpenLoop.Result warm = OpenLoop.run(rate, Duration.ZERO, Duration.ofSeconds(warmupSeconds),
                    i -> orderPage(visitors.get(i % visitors.size())));
            System.out.printf("  warm-up: p50 %.1f ms, p95 %.1f ms, %d errors%n", warm.latencies().percentile(50),
                    warm.latencies().percentile(95), warm.errors());
            StackCpu.Reading before = stack.cpu();
            double portalBefore = ProcessStats.cpuSeconds(portalPid);
            OpenLoop.Result page = OpenLoop.run(rate, Duration.ZERO, Duration.ofSeconds(seconds),
                    i -> orderPage(visitors.get(i % visitors.size())));
            Map<String, Object> pageCpu = cpu(stack, before, portalPid, portalBefore);
            print("tracking page", page);

            System.out.printf("The page's two service calls alone, directly, %d requests/s for %d s...%n", rate, seconds);
            before = stack.cpu();
            portalBefore = ProcessStats.cpuSeconds(portalPid);
            OpenLoop.Result services = OpenLoop.run(rate, Duration.ofSeconds(5), Duration.ofSeconds(seconds),
                    i -> serviceCalls(orderStatus, returnsService, visitors.get(i % visitors.size())));
            Map<String, Object> servicesCpu = cpu(stack, before, portalPid, portalBefore);
            print("services alone", services);

            System.out.printf("One-button returns: %d, one after the other...%n", returns);
            List<ReturnTiming> timings = new ArrayList<>();
            for (int i = 0; i < returns; i++) {
                timings.add(returnOne(visitors.get(i)));
            }
            Map<String, Double> serviceShare = decidedInService(stack, timings);

            report(options.report(machine), ceilings, data, rate, warmupSeconds, page, pageCpu, services, servicesCpu,
                    timings, serviceShare, portal).write();
        }
        System.exit(0);
    }

    /** The portal's process: the child of this JVM running the portal's jar. */
    private static long portalPid() {
        String jar = PortalProcess.runnerJar(io.postventa.testing.TestStack.projectRoot()).toString();
        return ProcessHandle.current().children().filter(p -> ProcessStats.commandLine(p.pid()).contains(jar))
                .findFirst().map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("the portal's process is not a child of this JVM"));
    }

    /**
     * Two orders per customer, each a whole journey on orders.lifecycle.v1; the second ones once returns-service
     * knows the first ones delivered (so it sees a repeat customer), then until every service knows them all.
     */
    private static double orders(BenchStack stack, Producer producer, int customers) {
        long start = System.nanoTime();
        for (String suffix : List.of("A", "B")) {
            System.out.printf("Orders %s: %,d journeys placed ... delivered on orders.lifecycle.v1...%n", suffix, customers);
            for (int i = 0; i < customers; i++) {
                for (var stage : BenchEvents.JOURNEY) {
                    producer.send(BenchEvents.lifecycle(orderId(i, suffix), BenchEvents.customerId(i), stage));
                }
            }
            producer.flush();
            producer.requireNoFailures();
            stack.awaitCount(PlatformService.RETURNS.database(), "select count(*) from customer_order where order_id like"
                    + " 'BP-%-" + suffix + "' and delivered_at is not null", customers, Duration.ofSeconds(90));
        }
        stack.awaitCount(PlatformService.ORDER_STATUS.database(), "select count(*) from customer_order where order_id"
                + " like 'BP-%' and status = 'DELIVERED'", 2L * customers, Duration.ofSeconds(90));
        stack.awaitCount(PlatformService.NOTIFICATION.database(), "select count(*) from portal_link where order_id like"
                + " 'BP-%'", 2L * customers, Duration.ofSeconds(90));
        // the messages about those orders go out before anything is measured
        Await.until(Duration.ofMinutes(5), () -> stack.scalar(PlatformService.NOTIFICATION.database(),
                "select count(*) from delivery where status in ('QUEUED', 'SENDING')") == 0);
        return (System.nanoTime() - start) / 1e9;
    }

    private static String orderId(int customer, String suffix) {
        return "BP-" + customer + "-" + suffix;
    }

    /** Every customer looks their second order up, as a browser, and keeps its session. */
    private static List<Visitor> lookUp(int customers) throws Exception {
        System.out.printf("Lookups: %,d customers sign in with order number and e-mail...%n", customers);
        long start = System.nanoTime();
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            PortalVisitor browser = new PortalVisitor(PortalProcess.url());
            String customer = BenchEvents.customerId(i);
            browser.lookUp(orderId(i, "B"), "customer" + i + "@example.com");
            visitors.add(new Visitor(customer, orderId(i, "B"),
                    DevTokens.token("customer", customer, null, Duration.ofHours(3)), browser));
        }
        System.out.printf("  %,d sessions in %.1f s%n", customers, (System.nanoTime() - start) / 1e9);
        return visitors;
    }

    /** The order's page of one session: right when it answers 200 with the timeline. */
    private static CompletableFuture<String> orderPage(Visitor v) {
        return PortalVisitor.sendAsync(v.browser().orderPage()).thenApply(r -> r.statusCode() == 200
                && r.body().contains("id=\"order-timeline\"") ? null
                : "status-" + r.statusCode() + ": " + r.body().substring(0, Math.min(200, r.body().length())));
    }

    /** What the tracking page asks the services, one call after the other, with the customer's own token. */
    private static CompletableFuture<String> serviceCalls(RunningService orderStatus, RunningService returns, Visitor v) {
        HttpRequest order = HttpRequest.newBuilder(URI.create(orderStatus.url() + "/api/v1/orders/" + v.orderId()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + v.token())
                .header("Accept-Language", "en").GET().build();
        HttpRequest history = HttpRequest.newBuilder(URI.create(returns.url() + "/api/v1/customers/" + v.customerId()
                + "/return-history")).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + v.token())
                .GET().build();
        return API.sendAsync(order, HttpResponse.BodyHandlers.ofString()).thenCompose(o -> o.statusCode() != 200
                ? CompletableFuture.completedFuture("order-status-" + o.statusCode())
                : API.sendAsync(history, HttpResponse.BodyHandlers.ofString())
                        .thenApply(h -> h.statusCode() == 200 ? null : "returns-" + h.statusCode()));
    }

    /**
     * One return as the customer makes it on the page: the form (its CSRF token, its one-time request key and the
     * order's lines), one T-shirt back for its size, then the return's page, then its label when approved.
     */
    private static ReturnTiming returnOne(Visitor v) throws Exception {
        PortalVisitor browser = v.browser();
        HttpResponse<String> form = browser.get("/return");
        PortalVisitor.require(form, 200, "the return form of " + v.orderId());
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"csrf-token", PortalVisitor.field(form.body(), "csrf-token")});
        fields.add(new String[] {"requestKey", PortalVisitor.field(form.body(), "requestKey")});
        for (String sku : PortalVisitor.fields(form.body(), "sku")) {
            boolean back = sku.equals(RETURNED_SKU);
            fields.add(new String[] {"sku", sku});
            fields.add(new String[] {"qty", back ? "1" : "0"});
            fields.add(new String[] {"reason", back ? "SIZE_FIT" : ""});
        }
        fields.add(new String[] {"resolution", "REFUND"});
        fields.add(new String[] {"comment", ""});
        long sent = System.nanoTime();
        HttpResponse<String> posted = browser.postMultipart("/return", fields);
        long answered = System.nanoTime();
        PortalVisitor.require(posted, 303, "sending the return of " + v.orderId());
        String location = posted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = browser.get(location);
        long shown = System.nanoTime();
        PortalVisitor.require(page, 200, "the return's page " + location);
        String returnId = URI.create(location).getPath().replaceAll(".*/", "");
        String outcome = page.body().contains("id=\"rma-code\"") ? "APPROVED" : page.body().contains("id=\"in-review\"")
                ? "REVIEW" : page.body().contains("id=\"rejected\"") ? "REJECTED" : "UNDECIDED";
        Double labelMs = null;
        Integer labelStatus = null;
        if (outcome.equals("APPROVED")) {
            HttpResponse<byte[]> label = browser.download("/returns/" + returnId + "/label.pdf");
            labelStatus = label.statusCode();
            if (label.statusCode() == 200 && new String(Arrays.copyOf(label.body(), 4), StandardCharsets.US_ASCII)
                    .equals("%PDF")) {
                labelMs = (System.nanoTime() - sent) / 1e6;
            }
        }
        return new ReturnTiming(returnId, outcome, (answered - sent) / 1e6, (shown - sent) / 1e6, labelMs, labelStatus);
    }

    /** returns-service's own time from a return's request to its decision, in ms, by return id. */
    private static Map<String, Double> decidedInService(BenchStack stack, List<ReturnTiming> timings) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        try (Connection c = stack.db(PlatformService.RETURNS.database());
             PreparedStatement q = c.prepareStatement("select extract(epoch from decided_at - requested_at) * 1000"
                     + " from return_request where return_id = ? and decided_at is not null")) {
            for (ReturnTiming t : timings) {
                q.setString(1, t.returnId());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        out.put(t.returnId(), rs.getDouble(1));
                    }
                }
            }
        }
        return out;
    }

    /** Each part's cores since {@code before}, the portal's among them. */
    private static Map<String, Object> cpu(BenchStack stack, StackCpu.Reading before, long portalPid, double portalBefore) {
        StackCpu.Reading now = stack.cpu();
        Map<String, Object> cpu = new LinkedHashMap<>(now.since(before));
        double wall = (now.nanos() - before.nanos()) / 1e9;
        cpu.put("portalCores", Latencies.round2((ProcessStats.cpuSeconds(portalPid) - portalBefore) / wall));
        return cpu;
    }

    private static void print(String what, OpenLoop.Result r) {
        System.out.printf("  %s: %.0f/s achieved, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%s%n", what,
                r.achievedPerSecond(), r.latencies().percentile(50), r.latencies().percentile(95),
                r.latencies().percentile(99), r.latencies().max(), r.errors(),
                r.errorSample() == null ? "" : " (" + r.errorSample() + ")");
    }

    private static Report report(Report report, Ceilings ceilings, Map<String, Object> data, int rate, int warmupSeconds,
            OpenLoop.Result page, Map<String, Object> pageCpu, OpenLoop.Result services, Map<String, Object> servicesCpu,
            List<ReturnTiming> timings, Map<String, Double> serviceShare, PortalProcess portal) {
        double p95 = page.latencies().percentile(95);
        Latencies decision = Latencies.of(timings.stream().map(ReturnTiming::decisionMs).toList());
        Latencies post = Latencies.of(timings.stream().map(ReturnTiming::postMs).toList());
        Latencies label = Latencies.of(timings.stream().map(ReturnTiming::labelMs).filter(l -> l != null).toList());
        Latencies inService = Latencies.of(serviceShare.values());
        Map<String, Long> outcomes = new TreeMap<>();
        timings.forEach(t -> outcomes.merge(t.outcome(), 1L, Long::sum));
        double labelWorst = label.count() == 0 ? Double.NaN : label.max();

        Map<String, Object> tracking = new LinkedHashMap<>(page.summary());
        tracking.put("warmupSeconds", warmupSeconds);
        tracking.put("cpu", pageCpu);
        Map<String, Object> servicesJson = new LinkedHashMap<>(services.summary());
        servicesJson.put("calls", List.of("GET order-status-service /api/v1/orders/{id}",
                "GET returns-service /api/v1/customers/{id}/return-history"));
        servicesJson.put("cpu", servicesCpu);
        Map<String, Object> returnsJson = new LinkedHashMap<>();
        returnsJson.put("returns", timings.size());
        returnsJson.put("outcomes", outcomes);
        returnsJson.put("sendToRedirect", post.summary());
        returnsJson.put("sendToDecisionOnPage", decision.summary());
        returnsJson.put("sendToLabelDownloaded", label.summary());
        returnsJson.put("returnsServiceRequestedToDecided", inService.summary());
        returnsJson.put("each", timings.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("returnId", t.returnId());
            m.put("outcome", t.outcome());
            m.put("sendToDecisionMs", Latencies.round(t.decisionMs()));
            m.put("labelMs", t.labelMs() == null ? null : Latencies.round(t.labelMs()));
            m.put("labelStatus", t.labelStatus());
            m.put("inServiceMs", Optional.ofNullable(serviceShare.get(t.returnId())).map(Latencies::round).orElse(null));
            return m;
        }).toList());

        report.put("dataSet", data)
                .put("trackingPage", tracking)
                .put("trackingServicesAlone", servicesJson)
                .put("returnFlow", returnsJson)
                .put("portalLog", portal.log().toString())
                .put("goals", Map.of("trackingP95Ms", GOAL_P95_MS, "trackingRatePerSecond", rate,
                        "labelWithinMs", GOAL_LABEL_MS, "met", p95 < GOAL_P95_MS && page.errors() == 0
                                && labelWorst < GOAL_LABEL_MS))
                .put("machineLoadAverageAtEnd", Machine.current().loadAverage());
        ceilings.addTo(report);
        report.row("tracking page p95 at " + rate + "/s", Report.ms(p95), "goal < " + Report.ms(GOAL_P95_MS),
                        Report.ratio(p95, GOAL_P95_MS))
                .row("tracking page p50 / p99", Report.ms(page.latencies().percentile(50)) + " / "
                        + Report.ms(page.latencies().percentile(99)), "", "")
                .row("tracking page achieved rate, errors", String.format(Locale.ROOT, "%.0f/s, %d",
                        page.achievedPerSecond(), page.errors()), rate + "/s", Report.ratio(page.achievedPerSecond(), rate))
                .row("  services alone p95 (order + history)", Report.ms(services.latencies().percentile(95)),
                        "share of the page's p95", Report.ratio(services.latencies().percentile(95), p95))
                .row("  cores: portal / services", pageCpu.get("portalCores") + " / " + pageCpu.get("serviceCores"),
                        "machine " + pageCpu.get("machineBusyCores") + " of " + pageCpu.get("machineCores"), "")
                .row("return: send to decision on page p50/p95", Report.ms(decision.percentile(50)) + " / "
                        + Report.ms(decision.percentile(95)), outcomes.toString(), "")
                .row("  returns-service requested→decided p50/p95", Report.ms(inService.percentile(50)) + " / "
                        + Report.ms(inService.percentile(95)), "share of send to decision (p50)",
                        Report.ratio(inService.percentile(50), decision.percentile(50)))
                .row("return: send to label downloaded, max", label.count() == 0 ? "no label" : Report.ms(labelWorst),
                        "goal < " + Report.ms(GOAL_LABEL_MS), label.count() == 0 ? "" : Report.ratio(labelWorst, GOAL_LABEL_MS));
        return report.row("load average (start)", String.format(Locale.ROOT, "%.2f", report.machine().loadAverage()), "",
                "");
    }
}
