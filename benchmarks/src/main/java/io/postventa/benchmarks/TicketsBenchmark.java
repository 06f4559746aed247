package io.postventa.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.benchmarks.data.BulkSql;
import io.postventa.benchmarks.data.DataSet;
import io.postventa.benchmarks.data.TicketDataSet;
import io.postventa.benchmarks.data.TicketTexts;
import io.postventa.benchmarks.load.HttpLoad;
import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.measure.StackCpu;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;

/**
 * ticket-service under load (issue #7), run from its packaged jar as a separate process on the benchmark's own
 * Kafka and PostgreSQL, next to this machine's Kafka and PostgreSQL ceilings measured in the same run.
 *
 * <ol>
 * <li><b>Ingest</b>: contacts per second through {@code POST /api/v1/contacts} at a few client concurrencies (closed
 * loop), with p50/p99 response time. Contacts come as customers (their own token), agents (phone notes with the
 * IVR option) and the platform (e-mail, web form, social), in Spanish and English, about many customers and
 * orders; a fifth are about an order that already has an open ticket and join it, a tenth have no order.
 * <li><b>Customer 360 search</b>: p50/p99 of {@code GET /api/v1/customers/search?q=} (agent) for each kind of query
 * (e-mail, phone, name, city, order id, order amount, product) over 200,000 customers, 1,000,000 orders and
 * 1,000,000 tickets.
 * </ol>
 *
 * <p>The data set is <b>bulk-loaded</b>, not fed through the API or the topics: the service's Flyway creates the
 * schema, then {@link TicketDataSet} fills its tables with SQL (generate_series) in the shapes the service writes,
 * rebuilds the indexes and runs ANALYZE. Goals: 500 contacts/s; search p99 under 50 ms for every kind.
 *
 * <p>The service is idle during the load, so its contact path is cold when ingest starts: with the JVM's tiered JIT,
 * C1 and C2 still took 0.49 of its 1.62 cores at 16 clients. Ingest is therefore measured after
 * {@code --jit-warmup} seconds (default 120; 0 measures cold) of contacts at the highest concurrency, reported but
 * not counted.
 */
public final class TicketsBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = PlatformService.TICKET.database();
    private static final double GOAL_CONTACTS_PER_SECOND = 500;
    private static final double GOAL_SEARCH_P99_MS = 50;
    private static final List<String> ACTIVE = List.of("NEW", "OPEN", "PENDING_CUSTOMER", "ON_HOLD");

    private TicketsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("tickets", "ticket-service under load: contacts/s through POST /api/v1/contacts at "
                + "a few client counts, and customer 360 search p50/p99 by kind, over a bulk-loaded help desk.", args);
        int customers = options.integer("customers", 200_000, "customers in the data set");
        int orders = options.integer("orders", 1_000_000, "orders in the data set");
        int tickets = options.integer("tickets", 1_000_000, "tickets in the data set, each with its first message");
        List<Integer> levels = options.integers("concurrency", "1,4,16", "client counts of the ingest levels");
        int seconds = options.integer("seconds", 20, "measured seconds of each ingest level");
        int warmup = options.integer("warmup", 5, "unmeasured seconds before each ingest level");
        int jitWarmup = options.integer("jit-warmup", 120, "seconds of contacts at the highest client count before the "
                + "levels, not counted (0: measure cold)");
        int searches = options.integer("searches", 200, "measured searches of each kind");
        int searchWarmup = options.integer("search-warmup", 100, "searches of each kind first, not counted");
        boolean reuse = options.flag("reuse", "keep the bench stack's PostgreSQL data and skip the load when it holds this "
                + "data set already (same shape and schema version)");
        Machine machine = options.start("Tickets benchmark");
        try (BenchStack stack = BenchStack.start(reuse)) {
            RunningService service = stack.startService(PlatformService.TICKET, Map.of());
            Ceilings ceilings = Ceilings.measure(stack.info(), 512);
            TicketDataSet dataSet = new TicketDataSet(customers, orders, tickets);
            Map<String, Object> data = DataSet.loadOrReuse(stack, service, dataSet, reuse);
            Pools pools;
            List<Map.Entry<String, List<String>>> queries;
            try (BulkSql sql = new BulkSql(stack.db(DB))) {
                pools = Pools.load(sql);
                queries = searchQueries(sql, searches + 20 + searchWarmup);
            }
            Phase warmed = jitWarmup(stack, service, pools, levels, jitWarmup);
            List<Phase> ingest = ingest(stack, service, pools, levels, warmup, seconds);
            String agent = DevTokens.token("agent", "ag-inh-01", null, Duration.ofHours(2));
            HttpLoad.Result searchWarmed = searchWarmup(service, agent, queries, searches, searchWarmup);
            Map<String, HttpLoad.Result> search = search(service, agent, queries, searches);
            Map<String, Object> plans = plansOfSlowKinds(stack, service, agent, queries, search);
            report(options.report(machine), ceilings, data, warmed, ingest, searchWarmed, search, plans, customers, orders,
                    tickets).write();
        }
        System.exit(0);
    }

    /** An ingest phase's load and the machine's CPU over it (its warm-up seconds included). */
    private record Phase(HttpLoad.Result load, Map<String, Object> cpu) {
        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>(load.summary());
            out.put("cpu", cpu);
            return out;
        }
    }


    /** Contacts at the highest client count, not counted: the service idled through the load, its contact path is cold. */
    private static Phase jitWarmup(BenchStack stack, RunningService service, Pools pools, List<Integer> levels, int seconds)
            throws InterruptedException {
        if (seconds <= 0) {
            return null;
        }
        int clients = levels.stream().mapToInt(Integer::intValue).max().orElse(16);
        System.out.printf("JIT warm-up: %d s of contacts at %d clients, not counted...%n", seconds, clients);
        StackCpu.Reading cpu0 = stack.cpu();
        HttpLoad.Result warmed = HttpLoad.forDuration(clients, Duration.ZERO, Duration.ofSeconds(seconds), 201,
                i -> pools.contact(service.url(), 900_000_000 + i));
        System.out.printf("  %,.0f contacts/s, p50 %.1f ms, p99 %.1f ms, %d errors%n", warmed.perSecond(),
                warmed.latencies().percentile(50), warmed.latencies().percentile(99), warmed.errors());
        return new Phase(warmed, stack.cpu().since(cpu0));
    }

    private static List<Phase> ingest(BenchStack stack, RunningService service, Pools pools, List<Integer> levels, int warmup,
            int seconds) throws InterruptedException {
        System.out.println("Ingest: POST /api/v1/contacts...");
        List<Phase> ingest = new ArrayList<>();
        for (int concurrency : levels) {
            StackCpu.Reading cpu0 = stack.cpu();
            HttpLoad.Result r = HttpLoad.forDuration(concurrency, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), 201,
                    i -> pools.contact(service.url(), concurrency * 10_000_000 + i));
            Phase phase = new Phase(r, stack.cpu().since(cpu0));
            System.out.printf("  %2d clients: %,.0f contacts/s, p50 %.1f ms, p99 %.1f ms, %d errors%s%n", concurrency,
                    r.perSecond(), r.latencies().percentile(50), r.latencies().percentile(99), r.errors(),
                    r.errorSample() == null ? "" : " (" + r.errorSample() + ")");
            System.out.println("      machine cores busy " + StackCpu.cell(phase.cpu()));
            ingest.add(phase);
        }
        return ingest;
    }

    /**
     * Searches of every kind in turn, not counted, with queries the measured ones do not repeat: the contacts warmed
     * the contact path only, and without this a search's lookups and the 360 of up to ten customers were compiled
     * while the first kinds were measured.
     */
    private static HttpLoad.Result searchWarmup(RunningService service, String agent,
            List<Map.Entry<String, List<String>>> queries, int searches, int perKind) throws InterruptedException {
        if (perKind <= 0) {
            return null;
        }
        int kinds = queries.size();
        int firstUnused = searches + 20;
        System.out.printf("Search warm-up: %d searches of each kind, mixed, not counted...%n", perKind);
        HttpLoad.Result warmed = HttpLoad.forCount(1, 0, perKind * kinds, 200, i -> {
            List<String> qs = queries.get(i % kinds).getValue();
            return search(service, agent, qs.get((firstUnused + i / kinds) % qs.size()));
        });
        System.out.printf("  p50 %.1f ms, p99 %.1f ms, %d errors%n", warmed.latencies().percentile(50),
                warmed.latencies().percentile(99), warmed.errors());
        return warmed;
    }

    private static Map<String, HttpLoad.Result> search(RunningService service, String agent,
            List<Map.Entry<String, List<String>>> queries, int searches) throws InterruptedException {
        System.out.println("Customer 360 search: GET /api/v1/customers/search?q=...");
        Map<String, HttpLoad.Result> search = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> kind : queries) {
            List<String> qs = kind.getValue();
            HttpLoad.Result r = HttpLoad.forCount(1, 20, searches, 200, i -> search(service, agent, qs.get(i % qs.size())));
            System.out.printf("  %-8s p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms, %d errors%n", kind.getKey(),
                    r.latencies().percentile(50), r.latencies().percentile(99), r.latencies().max(), r.errors());
            search.put(kind.getKey(), r);
        }
        return search;
    }

    private static HttpRequest search(RunningService service, String agent, String q) {
        return HttpLoad.get(service.url() + "/api/v1/customers/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                agent);
    }

    /**
     * For each kind over the goal, its slowest search asked three more times (a query slow again is slow by its plan
     * or its data; one fast now met something else, a pause or the host) and the EXPLAIN ANALYZE of its lookup.
     */
    private static Map<String, Object> plansOfSlowKinds(BenchStack stack, RunningService service, String agent,
            List<Map.Entry<String, List<String>>> queries, Map<String, HttpLoad.Result> search) throws Exception {
        Map<String, Object> plans = new LinkedHashMap<>();
        try (BulkSql sql = new BulkSql(stack.db(DB))) {
            for (Map.Entry<String, List<String>> kind : queries) {
                HttpLoad.Result r = search.get(kind.getKey());
                if (r.latencies().percentile(99) < GOAL_SEARCH_P99_MS) {
                    continue;
                }
                String q = query(r.slowest());
                HttpLoad.Result again = HttpLoad.forCount(1, 0, 3, 200, i -> search(service, agent, q));
                String plan = explain(sql, kind.getKey(), q);
                System.out.printf("%nThe slowest %s search (%s) took %.1f ms; three more: %.1f-%.1f ms. EXPLAIN ANALYZE of its"
                        + " lookup:%n%s", kind.getKey(), q, r.latencies().max(), again.latencies().percentile(0),
                        again.latencies().max(), plan);
                plans.put(kind.getKey(), Map.of("q", q, "ms", r.latencies().max(), "againMs",
                        List.of(again.latencies().percentile(0), again.latencies().max()), "plan", plan));
            }
        }
        return plans;
    }

    private static Report report(Report report, Ceilings ceilings, Map<String, Object> data, Phase warmed,
            List<Phase> ingest, HttpLoad.Result searchWarmed, Map<String, HttpLoad.Result> search, Map<String, Object> plans,
            int customers, int orders, int tickets) {
        double pg4Rate = ceilings.commitsPerSecond4();
        HttpLoad.Result best = ingest.stream().map(Phase::load).max((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                .orElseThrow();
        Map<String, Object> searchJson = new LinkedHashMap<>();
        search.forEach((k, r) -> searchJson.put(k, r.summary()));
        double worstP99 = search.values().stream().mapToDouble(r -> r.latencies().percentile(99)).max().orElse(Double.NaN);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("contactsPerSecondToGoal", Latencies.round2(best.perSecond() / GOAL_CONTACTS_PER_SECOND));
        ratios.put("contactsPerSecondToPostgres4ClientCommits", Latencies.round2(best.perSecond() / pg4Rate));
        ratios.put("worstSearchP99ToGoal", Latencies.round2(worstP99 / GOAL_SEARCH_P99_MS));
        Map<String, Object> goals = new LinkedHashMap<>();
        goals.put("contactsPerSecond", GOAL_CONTACTS_PER_SECOND);
        goals.put("searchP99Ms", GOAL_SEARCH_P99_MS);
        goals.put("contactsPerSecondMet", best.perSecond() >= GOAL_CONTACTS_PER_SECOND);
        goals.put("searchP99Met", worstP99 < GOAL_SEARCH_P99_MS);
        report.put("dataSet", Map.of("customers", customers, "orders", orders, "tickets", tickets,
                        "method", TicketDataSet.METHOD, "load", data))
                .put("jitWarmup", warmed == null ? Map.of("seconds", 0) : warmed.json())
                .put("ingest", ingest.stream().map(Phase::json).toList())
                .put("searchWarmup", searchWarmed == null ? Map.of("requests", 0) : searchWarmed.summary())
                .put("search", searchJson)
                .put("goals", goals)
                .put("ratios", ratios)
                .put("machineLoadAverageAtEnd", Machine.current().loadAverage());
        if (!plans.isEmpty()) {
            report.put("plansOfLookupsOverGoal", plans);
        }
        ceilings.addTo(report);
        if (warmed != null) {
            report.row("JIT warm-up, " + warmed.load().concurrency() + " clients (not counted)",
                    Report.number(warmed.load().perSecond()) + " contacts/s", "", "");
        }
        for (Phase phase : ingest) {
            HttpLoad.Result r = phase.load();
            report.row("contacts/s, " + r.concurrency() + " clients", Report.number(r.perSecond()),
                    "goal " + Report.number(GOAL_CONTACTS_PER_SECOND) + "/s", Report.ratio(r.perSecond(), GOAL_CONTACTS_PER_SECOND))
                    .row("  p50 / p99", Report.ms(r.latencies().percentile(50)) + " / " + Report.ms(r.latencies().percentile(99)),
                            r.errors() + " errors", "")
                    .row("  machine cores busy", StackCpu.cell(phase.cpu()), "", "")
                    .row("  machine CPU per contact", StackCpu.perEvent(phase.cpu(), r.perSecond()),
                            String.format(Locale.ROOT, "budget at the goal %.1f ms",
                                    StackCpu.budgetMs(phase.cpu(), GOAL_CONTACTS_PER_SECOND)), "");
        }
        report.row("best contacts/s vs PG 4-client commits/s", Report.number(best.perSecond()), "PostgreSQL ceiling",
                Report.ratio(best.perSecond(), pg4Rate));
        for (Map.Entry<String, HttpLoad.Result> e : search.entrySet()) {
            Latencies l = e.getValue().latencies();
            report.row("search by " + e.getKey() + " p50 / p99", Report.ms(l.percentile(50)) + " / " + Report.ms(l.percentile(99)),
                    "goal p99 < " + Report.ms(GOAL_SEARCH_P99_MS), Report.ratio(l.percentile(99), GOAL_SEARCH_P99_MS));
        }
        return report.row("load average (start)", String.format(Locale.ROOT, "%.2f", report.machine().loadAverage()), "", "");
    }

    /** The decoded {@code q} parameter of a search request. */
    private static String query(java.net.URI uri) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith("q=")) {
                return java.net.URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no q in " + uri);
    }

    // search -----------------------------------------------------------------------------------------

    /** The service's lookups (CustomerSearchResource), for EXPLAIN ANALYZE when a kind misses the goal. */
    private static String explain(BulkSql sql, String kind, String q) throws java.sql.SQLException {
        String v = q.replace("'", "''");
        String lookup = switch (kind) {
            case "email" -> "select id from customer where lower(email) = '" + v.toLowerCase(Locale.ROOT) + "'";
            case "phone" -> "select id from customer where phone in ('" + v.replace(" ", "") + "', '+"
                    + v.replace(" ", "").replace("+", "") + "')";
            case "orderId" -> "select customer_id from order_view where order_id = '" + v + "'";
            case "amount" -> "select customer_id from order_view where total = " + v.replace(',', '.');
            case "name" -> "select id from customer where (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) "
                    + "ilike '%" + v + "%'";
            case "city" -> "select customer_id from order_view where lower(city) = '" + v.toLowerCase(Locale.ROOT) + "'";
            default -> v.matches("SKU-\\d+")
                    ? "select customer_id from order_view where skus @> array['" + v.toLowerCase(Locale.ROOT) + "']"
                    : "select o.customer_id from (select sku from product_line where line ilike '%" + v + "%' limit 20) p"
                            + " cross join lateral (select customer_id from order_view where skus @> array[p.sku] limit 20) o";
        };
        return sql.explainAnalyze(lookup + " limit 20");
    }

    /** Real values of each kind, sampled from the loaded data. */
    private static List<Map.Entry<String, List<String>>> searchQueries(BulkSql sql, int n) throws java.sql.SQLException {
        List<Map.Entry<String, List<String>>> out = new ArrayList<>();
        List<String> emails = column(sql, "select email from customer tablesample bernoulli (1) repeatable (7) limit " + n);
        for (int i = 0; i < emails.size(); i += 3) {
            emails.set(i, emails.get(i).substring(0, 1).toUpperCase(Locale.ROOT) + emails.get(i).substring(1));
        }
        out.add(Map.entry("email", emails));
        List<String> phones = column(sql, "select phone from customer tablesample bernoulli (1) repeatable (8) limit " + n);
        for (int i = 0; i < phones.size(); i += 2) {
            String p = phones.get(i);
            phones.set(i, p.substring(0, 3) + " " + p.substring(3, 6) + " " + p.substring(6, 9) + " " + p.substring(9));
        }
        out.add(Map.entry("phone", phones));
        out.add(Map.entry("name", column(sql, "select case when random() < 0.5 then first_name || ' ' || split_part(last_name, ' ', 1) "
                + "else last_name end from customer tablesample bernoulli (1) repeatable (9) limit " + n)));
        List<String> cities = new ArrayList<>(TicketTexts.ES_CITIES);
        cities.addAll(TicketTexts.UK_CITIES.subList(0, 8));
        out.add(Map.entry("city", cities));
        out.add(Map.entry("orderId", column(sql, "select order_id from order_view tablesample bernoulli (0.2) repeatable (10) limit " + n)));
        List<String> amounts = column(sql, "select total::text from order_view tablesample bernoulli (0.2) repeatable (11) limit " + n);
        for (int i = 0; i < amounts.size(); i += 2) {
            amounts.set(i, amounts.get(i).replace('.', ','));
        }
        out.add(Map.entry("amount", amounts));
        List<String> products = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(TicketTexts.SKUS);
            products.add(switch (i % 3) {
                case 0 -> TicketTexts.PRODUCTS.get(p % 40).toLowerCase(Locale.ROOT);
                case 1 -> TicketTexts.PRODUCTS.get(p % 40) + " " + TicketTexts.VARIANTS.get((p / 40) % 10);
                default -> String.format(Locale.ROOT, "SKU-%05d", p);
            });
        }
        out.add(Map.entry("product", products));
        return out;
    }

    private static List<String> column(BulkSql sql, String query) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        for (List<String> row : sql.rows(query)) {
            values.add(row.get(0));
        }
        return values;
    }

    // ingest -----------------------------------------------------------------------------------------

    /** One customer's order (or none), with what a contact about it needs. */
    record Subject(String customerId, String orderId, String language, String email, String phone) {
    }

    /** Orders and open tickets to write about, and the customers' tokens, prepared before the clock starts. */
    static final class Pools {
        private final List<Subject> orders;
        private final List<Subject> openTickets;
        private final Map<String, String> customerTokens = new ConcurrentHashMap<>();
        private final String agentToken = DevTokens.token("agent", "ag-inh-02", null, Duration.ofHours(2));
        private final String platformToken = DevTokens.token("platform", "shop-platform", null, Duration.ofHours(2));

        private Pools(List<Subject> orders, List<Subject> openTickets) {
            this.orders = orders;
            this.openTickets = openTickets;
        }

        static Pools load(BulkSql sql) throws java.sql.SQLException {
            List<Subject> orders = subjects(sql, "select c.id, o.order_id, c.language, c.email, c.phone "
                    + "from order_view o tablesample bernoulli (0.5) repeatable (3) join customer c on c.id = o.customer_id "
                    + "limit 4000");
            List<Subject> open = subjects(sql, "select c.id, t.order_id, c.language, c.email, c.phone from ticket t "
                    + "join customer c on c.id = t.customer_id where t.status in ('" + String.join("','", ACTIVE) + "') "
                    + "and t.order_id is not null and t.merged_into is null order by t.id limit 2000");
            Pools pools = new Pools(orders, open);
            System.out.printf("  %,d orders and %,d open tickets to write about; signing their customers' tokens...%n",
                    orders.size(), open.size());
            List<String> ids = new ArrayList<>();
            orders.forEach(s -> ids.add(s.customerId()));
            open.forEach(s -> ids.add(s.customerId()));
            ids.parallelStream().distinct().forEach(id ->
                    pools.customerTokens.put(id, DevTokens.token("customer", id, null, Duration.ofHours(2))));
            return pools;
        }

        private static List<Subject> subjects(BulkSql sql, String query) throws java.sql.SQLException {
            List<Subject> out = new ArrayList<>();
            for (List<String> r : sql.rows(query)) {
                out.add(new Subject(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
            }
            return out;
        }

        /** Contact number {@code i}: the same i always gives the same contact (apart from fresh idempotency keys). */
        HttpRequest contact(String baseUrl, int i) {
            SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
            int kind = random.nextInt(100);
            Subject about = kind < 20 ? openTickets.get(random.nextInt(openTickets.size()))
                    : orders.get(random.nextInt(orders.size()));
            boolean noOrder = kind >= 90;
            int reason = noOrder ? new int[] {9, 9, 8, 10}[random.nextInt(4)] : pickReason(random.nextInt(96));
            boolean english = "en".equals(about.language());
            List<String> m = TicketTexts.MESSAGES.get(reason);
            String orderId = noOrder ? null : about.orderId();
            String subject = m.get(english ? 3 : 0).replace("{o}", orderId == null ? "" : orderId).trim();
            String message = (english ? TicketTexts.EN_GREETINGS : TicketTexts.ES_GREETINGS).get(random.nextInt(4))
                    + m.get((english ? 4 : 1) + random.nextInt(2)).replace("{o}", orderId == null ? "" : orderId)
                    + (english ? TicketTexts.EN_CLOSINGS : TicketTexts.ES_CLOSINGS).get(random.nextInt(4));
            ObjectNode body = JSON.createObjectNode();
            int role = random.nextInt(100);
            String token;
            if (role < 50) {
                token = customerTokens.get(about.customerId());
                body.put("channel", new String[] {"EMAIL", "CHAT", "WEB_FORM", "SOCIAL"}[random.nextInt(4)]);
                if (random.nextBoolean()) {
                    body.put("customerId", about.customerId());
                }
            } else if (role < 75) {
                token = agentToken;
                boolean phone = random.nextInt(10) < 7;
                body.put("channel", phone ? "PHONE" : "CHAT");
                if (random.nextBoolean()) {
                    body.put("customerId", about.customerId());
                } else {
                    body.put("phone", about.phone());
                }
                if (phone && random.nextInt(10) < 6) {
                    body.put("ivrOption", new String[] {"1", "2", "3", "3", "3", "4", "4", "5", "9", "6", "9"}[reason]);
                }
            } else {
                token = platformToken;
                body.put("channel", new String[] {"EMAIL", "WEB_FORM", "SOCIAL"}[random.nextInt(3)]);
                body.put("email", about.email());
            }
            if (orderId != null) {
                body.put("orderId", orderId);
            }
            if (random.nextInt(4) > 0) {
                body.put("subject", subject);
            }
            body.put("message", message);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/contacts"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (random.nextBoolean()) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            return request.build();
        }

        /** A reason other than pre-sale, by the data set's weights. */
        private static int pickReason(int bucket) {
            int upTo = 0;
            for (int r = 0; r < TicketTexts.REASONS.size(); r++) {
                if (r == 9) {
                    continue;
                }
                upTo += TicketTexts.REASON_WEIGHTS[r];
                if (bucket < upTo) {
                    return r;
                }
            }
            return 10;
        }
    }
}
