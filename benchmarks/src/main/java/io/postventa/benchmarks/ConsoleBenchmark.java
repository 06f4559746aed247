package io.postventa.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.postventa.benchmarks.data.BulkSql;
import io.postventa.benchmarks.data.DataSet;
import io.postventa.benchmarks.data.ServiceAdmin;
import io.postventa.benchmarks.data.TicketDataSet;
import io.postventa.benchmarks.data.TicketTexts;
import io.postventa.benchmarks.load.HttpLoad;
import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.measure.ServerTimes;
import io.postventa.benchmarks.measure.StackCpu;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningConsole;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;

/**
 * The staff console's two busiest pages (issue #29) over the tickets data set (1,000,000 tickets): the server time
 * of the inbox ({@code GET /inbox}) and of the ticket view ({@code GET /tickets/{id}}) at 20 agents working at once,
 * and how much of it the services took.
 *
 * <ol>
 * <li>The five services and the console run from their packaged jars (the console in its devstack profile, as
 * {@code ./postventa up} runs it); ticket-service holds the bulk-loaded help desk of {@link TicketDataSet}.
 * <li>Agents are signed in with the console's own session: the {@code console-session} cookie holding a token signed
 * with the development key, with the claims the development sign-in gives (in-house and returns agents, and partner
 * agents of the outsourced team, who see their team's tickets only, masked).
 * <li>A procedure for each reason, saved through ticket-service's admin API: the ticket view drafts its reply.
 * <li>JIT warm-up: {@code --jit-warmup} seconds of both pages, not counted.
 * <li>Inbox, then ticket view, each a closed loop of {@code --agents} clients for {@code --warmup} + {@code --seconds}:
 * response time p50/p95/p99 at the client against the goal (p95 under 150 ms), and the services' share: each
 * process's own request timers ({@code http_server_requests_seconds}) read before and after the phase, so the time
 * the services spent serving the console's calls, per page, stands next to the console's own server time per page.
 * </ol>
 */
public final class ConsoleBenchmark {
    private static final String DB = PlatformService.TICKET.database();
    private static final double GOAL_P95_MS = 150;
    private static final String ACTIVE = "'NEW','OPEN','PENDING_CUSTOMER','ON_HOLD'";
    /** The data set's teams (TicketDataSet): agent ids are ag-CODE-NN, NN from 01 to 12. */
    private static final List<String> TEAM_CODES = List.of("inh", "ret");
    private static final String PARTNER_TEAM = "partner-cc";
    private static final String INBOX_URI = "GET /inbox";
    private static final String TICKET_URI = "GET /tickets/{id}";

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("console", "the staff console's inbox and ticket view: server time p50/p95/p99 at "
                + "a number of agents working at once over the bulk-loaded help desk, and the services' share of it.", args);
        int customers = options.integer("customers", 200_000, "customers in the data set");
        int orders = options.integer("orders", 1_000_000, "orders in the data set");
        int tickets = options.integer("tickets", 1_000_000, "tickets in the data set, each with its first message");
        int agents = options.integer("agents", 20, "agents working at once (closed-loop clients, each request as one "
                + "of them; a fifth are partner agents)");
        int seconds = options.integer("seconds", 30, "measured seconds of each page");
        int warmup = options.integer("warmup", 5, "unmeasured seconds before each page's measured ones");
        int jitWarmup = options.integer("jit-warmup", 120, "seconds of both pages first, not counted (0: measure cold)");
        int thinkMs = options.integer("think-ms", 0, "pause of an agent between two pages (0: the next page as soon as "
                + "the last one came, every agent always waiting for one)");
        boolean reuse = options.flag("reuse", "keep the bench stack's PostgreSQL data and skip the load when it holds this "
                + "data set already (same shape and schema version)");
        Machine machine = options.start("Console benchmark");
        try (BenchStack stack = BenchStack.start(reuse)) {
            List<RunningService> services = startServices(stack);
            Ceilings ceilings = Ceilings.measure(stack.info(), 512);
            TicketDataSet dataSet = new TicketDataSet(customers, orders, tickets);
            RunningService ticketService = service(services, PlatformService.TICKET);
            Map<String, Object> data = DataSet.loadOrReuse(stack, ticketService, dataSet, reuse);
            procedures(new ServiceAdmin(ticketService));
            RunningConsole console = stack.startConsole(Map.of());
            Agents signedIn = Agents.signIn(agents);
            Work work;
            try (BulkSql sql = new BulkSql(stack.db(DB))) {
                work = Work.sample(sql, signedIn, thinkMs);
            }
            signedIn.check(console);
            Phase warmed = jitWarmup(stack, services, console, work, agents, jitWarmup);
            Phase inbox = page("Inbox", INBOX_URI, stack, services, console, agents, warmup, seconds,
                    i -> work.inbox(console, i));
            Phase view = page("Ticket view", TICKET_URI, stack, services, console, agents, warmup, seconds,
                    i -> work.ticket(console, i));
            report(options.report(machine), ceilings, data, work, warmed, inbox, view, customers, orders, tickets,
                    thinkMs).write();
        }
        System.exit(0);
    }

    /** All five services: the ticket view asks each of them for its part of the customer's 360. */
    private static List<RunningService> startServices(BenchStack stack) {
        List<RunningService> services = new ArrayList<>();
        for (PlatformService s : PlatformService.all()) {
            services.add(stack.startService(s, Map.of()));
        }
        return services;
    }

    private static RunningService service(List<RunningService> services, PlatformService which) {
        return services.stream().filter(s -> s.service() == which).findFirst().orElseThrow();
    }

    /**
     * A procedure for every reason of the data set, saved through the admin API as an admin writes them: the ticket
     * view suggests the one of the ticket's reason with its reply drafted in the customer's language (one more call
     * to ticket-service, and the part of the page agents use most). Saving again is harmless (a reused data set).
     */
    private static void procedures(ServiceAdmin admin) throws Exception {
        for (String reason : TicketTexts.REASONS) {
            String topic = reason.toLowerCase(Locale.ROOT).replace('_', ' ');
            admin.put("/api/v1/procedures/bench-" + reason.toLowerCase(Locale.ROOT).replace('_', '-'), Map.of(
                    "reason", reason, "name", "Handling " + topic,
                    "steps", List.of("Read the customer's message and the order beside it",
                            "Check the order's timeline and the customer's returns", "Reply, then set the status"),
                    "replyEs", "Hola {{customerName}}: hemos revisado tu consulta sobre el pedido {{orderId}} y te "
                            + "contamos los siguientes pasos. Un saludo.",
                    "replyEn", "Hello {{customerName}}, we have looked into your question about order {{orderId}}; "
                            + "here is what happens next. Kind regards."));
        }
        System.out.printf("  %d procedures, one for each reason (admin API)%n", TicketTexts.REASONS.size());
    }

    // phases -----------------------------------------------------------------------------------------------------

    /** Both pages in turn at the full agent count, not counted: the console and the services idled through the load. */
    private static Phase jitWarmup(BenchStack stack, List<RunningService> services, RunningConsole console, Work work,
            int agents, int seconds) throws InterruptedException {
        if (seconds <= 0) {
            return null;
        }
        System.out.printf("JIT warm-up: %d s of inbox and ticket view at %d agents, not counted...%n", seconds, agents);
        return measure("warm-up", null, stack, services, console, agents, 0, seconds,
                i -> i % 2 == 0 ? work.inbox(console, i) : work.ticket(console, i));
    }

    /** One page at {@code agents} clients: its response times, the processes' request timers and the CPU. */
    private static Phase page(String title, String uri, BenchStack stack, List<RunningService> services,
            RunningConsole console, int agents, int warmup, int seconds, IntFunction<HttpRequest> next)
            throws InterruptedException {
        System.out.printf("%s: %s at %d agents, %d s after %d s of warm-up...%n", title, uri, agents, seconds, warmup);
        return measure(title, uri, stack, services, console, agents, warmup, seconds, next);
    }

    private static Phase measure(String title, String uri, BenchStack stack, List<RunningService> services,
            RunningConsole console, int agents, int warmup, int seconds, IntFunction<HttpRequest> next)
            throws InterruptedException {
        Times before = Times.read(services, console);
        StackCpu.Reading cpu0 = stack.cpu();
        HttpLoad.Result r = HttpLoad.forDuration(agents, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), 200, next);
        Map<String, Object> cpu = stack.cpu().since(cpu0);
        Phase phase = new Phase(title, uri, r, cpu, Times.read(services, console).since(before));
        Latencies l = r.latencies();
        System.out.printf("  %,.1f pages/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors%s%n", r.perSecond(),
                l.percentile(50), l.percentile(95), l.percentile(99), r.errors(),
                r.errorSample() == null ? "" : " (" + r.errorSample() + ")");
        if (uri != null) {
            System.out.println("      " + phase.shareCell());
        }
        System.out.println("      machine cores busy " + StackCpu.cell(cpu));
        return phase;
    }

    /** The request timers of every process under test, read at one moment. */
    private record Times(Map<String, ServerTimes.Reading> served, ServerTimes.Reading consoleSent) {
        static Times read(List<RunningService> services, RunningConsole console) {
            Map<String, ServerTimes.Reading> served = new LinkedHashMap<>();
            served.put(RunningConsole.NAME, ServerTimes.served(console.url()));
            for (RunningService s : services) {
                served.put(s.name(), ServerTimes.served(s.url()));
            }
            return new Times(served, ServerTimes.sent(console.url(), labels -> labels.get("method") + " " + labels.get("uri")));
        }

        /** What each process served between {@code earlier} and now, and what the console sent. */
        Spent since(Times earlier) {
            Map<String, Map<String, ServerTimes.Timer>> served = new LinkedHashMap<>();
            this.served.forEach((name, reading) -> served.put(name, reading.since(earlier.served.get(name))));
            return new Spent(served, consoleSent.since(earlier.consoleSent));
        }
    }

    /** Requests and seconds each process served over a phase, by "METHOD uri"; and the console's calls as it timed them. */
    private record Spent(Map<String, Map<String, ServerTimes.Timer>> served, Map<String, ServerTimes.Timer> consoleSent) {
    }

    /** A phase: the load's response times, the CPU, and the time each process spent (warm-up seconds included). */
    private record Phase(String title, String uri, HttpLoad.Result load, Map<String, Object> cpu, Spent spent) {

        /** Pages of this phase's kind the console served (warm-up seconds included, like the timers). */
        double pages() {
            return spent.served().get(RunningConsole.NAME).getOrDefault(uri, new ServerTimes.Timer(0, 0)).count();
        }

        /** The console's own server time per page, its timer's mean. */
        double consoleMs() {
            return spent.served().get(RunningConsole.NAME).getOrDefault(uri, new ServerTimes.Timer(0, 0)).msPer(pages());
        }

        /** Each service's server time per page (all it served in the phase, divided by the pages). */
        Map<String, ServerTimes.Timer> byService() {
            Map<String, ServerTimes.Timer> out = new LinkedHashMap<>();
            spent.served().forEach((name, timers) -> {
                if (!name.equals(RunningConsole.NAME) && !timers.isEmpty()) {
                    out.put(name, ServerTimes.total(timers));
                }
            });
            return out;
        }

        double servicesMs() {
            return ServerTimes.total(byService()).msPer(pages());
        }

        /** The console's wait for the services per page, as its REST clients timed it (network and queueing included). */
        double waitedMs() {
            return ServerTimes.total(spent.consoleSent()).msPer(pages());
        }

        /** "services 9.1 ms of the console's 14.2 ms a page (64%): ticket-service 7.0 (3.0 calls), ...". */
        String shareCell() {
            String parts = byService().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f (%.1f calls)",
                    e.getKey(), e.getValue().msPer(pages()), e.getValue().count() / pages()))
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "services %.1f ms of the console's %.1f ms a page (%.0f%%): %s; waited %.1f ms",
                    servicesMs(), consoleMs(), 100 * servicesMs() / consoleMs(), parts, waitedMs());
        }

        /** "0.30 / 0.59": the cores the console and the five services took over the phase (CPU's side of the share). */
        String coresCell() {
            double console = 0;
            double services = 0;
            if (cpu.get("byService") instanceof Map<?, ?> byProcess) {
                for (Map.Entry<?, ?> e : byProcess.entrySet()) {
                    double cores = ((Number) ((Map<?, ?>) e.getValue()).get("cores")).doubleValue();
                    if (RunningConsole.NAME.equals(e.getKey())) {
                        console += cores;
                    } else {
                        services += cores;
                    }
                }
            }
            return String.format(Locale.ROOT, "%.2f / %.2f", console, services);
        }

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("page", uri);
            out.putAll(load.summary());
            out.put("p95Ms", Latencies.round(load.latencies().percentile(95)));
            out.put("cpu", cpu);
            if (uri != null) {
                Map<String, Object> share = new LinkedHashMap<>();
                share.put("pagesServed", (long) pages());
                share.put("consoleServerMsPerPage", Latencies.round(consoleMs()));
                share.put("servicesServerMsPerPage", Latencies.round(servicesMs()));
                share.put("servicesShare", Latencies.round2(servicesMs() / consoleMs()));
                share.put("consoleWaitedMsPerPage", Latencies.round(waitedMs()));
                Map<String, Object> services = new LinkedHashMap<>();
                byService().forEach((name, t) -> services.put(name, Map.of("msPerPage", Latencies.round(t.msPer(pages())),
                        "callsPerPage", Latencies.round2(t.count() / pages()))));
                share.put("byService", services);
                out.put("share", share);
            }
            Map<String, Object> served = new LinkedHashMap<>();
            spent.served().forEach((name, timers) -> {
                Map<String, Object> byUri = new LinkedHashMap<>();
                timers.forEach((k, t) -> byUri.put(k, t.json()));
                served.put(name, byUri);
            });
            out.put("served", served);
            Map<String, Object> sent = new LinkedHashMap<>();
            spent.consoleSent().forEach((k, t) -> sent.put(k, t.json()));
            out.put("consoleSent", sent);
            return out;
        }
    }

    // the agents and their work ----------------------------------------------------------------------------------

    /** An agent as the console knows them: role, id, team (partner agents only) and the session cookie's token. */
    record Agent(String role, String id, String team, String token) {
        boolean partner() {
            return team != null;
        }
    }

    /** The agents working at once, each signed in with the console's development session cookie. */
    record Agents(List<Agent> all) {
        /**
         * {@code n} agents of the data set's teams: every fifth a partner agent of the outsourced team, the others in
         * turn of the in-house and returns teams. The token is what the development sign-in issues (the development
         * key, iss postventa-dev, the role in groups, the team claim of a partner agent).
         */
        static Agents signIn(int n) {
            List<Agent> all = new ArrayList<>();
            int partners = 0;
            int others = 0;
            for (int k = 0; k < n; k++) {
                Agent agent;
                if (k % 5 == 4) {
                    String id = String.format("ag-pcc-%02d", 1 + partners++ % 12);
                    agent = new Agent("partner-agent", id, PARTNER_TEAM,
                            DevTokens.token("partner-agent", id, PARTNER_TEAM, Duration.ofHours(4)));
                } else {
                    String id = String.format("ag-%s-%02d", TEAM_CODES.get(others % 2), 1 + (others / 2) % 12);
                    others++;
                    agent = new Agent("agent", id, null, DevTokens.token("agent", id, null, Duration.ofHours(4)));
                }
                all.add(agent);
            }
            return new Agents(all);
        }

        Agent get(int i) {
            return all.get(Math.floorMod(i, all.size()));
        }

        /** Each agent's session opens the inbox (a session the console refused would redirect to sign-in). */
        void check(RunningConsole console) throws InterruptedException {
            HttpLoad.Result r = HttpLoad.forCount(1, 0, all.size(), 200, i -> page(console, "/inbox", get(i).token(), 0));
            if (r.errors() > 0) {
                throw new IllegalStateException("the console did not open the inbox for every agent's session: "
                        + r.errorSample());
            }
            System.out.printf("%d agents signed in (%d partner agents); the inbox opens for each%n", all.size(),
                    all.stream().filter(Agent::partner).count());
        }
    }

    /** The pages the agents open: inbox filters in a mix, tickets sampled from the data set, and the pause between. */
    record Work(Agents agents, List<String> anyTickets, List<String> partnerTickets, int thinkMs) {
        /**
         * Open tickets (what the inbox leads to), in random order (ids are random), as each agent may see them. Only
         * tickets with a resolution due time: the ticket view answers 500 for one without (its template reads
         * {@code resolutionDueAt.when}), which the data set's solved and closed tickets and the service's tickets
         * waiting for the customer are. Open them too once the console renders them.
         */
        static Work sample(BulkSql sql, Agents agents, int thinkMs) throws java.sql.SQLException {
            String open = "select id::text from ticket where merged_into is null and status in (" + ACTIVE
                    + ") and resolution_due_at is not null";
            List<String> any = ids(sql, open + " order by id limit 4000");
            List<String> partner = ids(sql, open + " and team_id = '" + PARTNER_TEAM + "' order by id limit 2000");
            if (any.isEmpty() || partner.isEmpty()) {
                throw new IllegalStateException("the data set has no tickets to open (" + any.size() + " of any team, "
                        + partner.size() + " of " + PARTNER_TEAM + ")");
            }
            System.out.printf("  %,d tickets to open (%,d of the partner team for its agents)%n", any.size(), partner.size());
            return new Work(agents, any, partner, thinkMs);
        }

        private static List<String> ids(BulkSql sql, String query) throws java.sql.SQLException {
            List<String> out = new ArrayList<>();
            sql.rows(query).forEach(r -> out.add(r.get(0)));
            return out;
        }

        /**
         * Inbox number {@code i}, as agent {@code i}: most often all open tickets, then mine, unassigned, the team's,
         * at risk or breached, one reason, one channel (the filters of the page's form).
         */
        HttpRequest inbox(RunningConsole console, int i) {
            Agent agent = agents.get(i);
            SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
            int pick = random.nextInt(100);
            String query;
            if (pick < 40) {
                query = "";
            } else if (pick < 55) {
                query = "?view=mine";
            } else if (pick < 70) {
                query = "?view=unassigned";
            } else if (pick < 80) {
                query = "?team=" + (agent.partner() ? PARTNER_TEAM : random.nextBoolean() ? "in-house" : "returns");
            } else if (pick < 85) {
                query = "?sla=at-risk";
            } else if (pick < 90) {
                query = "?sla=breached";
            } else if (pick < 95) {
                query = "?reason=" + List.of("WHERE_IS_MY_ORDER", "RETURN_REQUEST", "DAMAGED_ITEM", "INVOICE_COPY")
                        .get(random.nextInt(4));
            } else {
                query = "?channel=" + List.of("EMAIL", "CHAT", "PHONE").get(random.nextInt(3));
            }
            return page(console, "/inbox" + query, agent.token(), thinkMs);
        }

        /** Ticket view number {@code i}, as agent {@code i}: a partner agent opens its team's tickets only. */
        HttpRequest ticket(RunningConsole console, int i) {
            Agent agent = agents.get(i);
            List<String> pool = agent.partner() ? partnerTickets : anyTickets;
            SplittableRandom random = new SplittableRandom(i * 0xBF58476D1CE4E5B9L);
            return page(console, "/tickets/" + pool.get(random.nextInt(pool.size())), agent.token(), thinkMs);
        }
    }

    /**
     * A page as a browser asks for it, signed in with the session cookie. An agent's pause between two pages is
     * spent here, before the request is sent (HttpLoad starts the clock when it sends).
     */
    private static HttpRequest page(RunningConsole console, String path, String token, int thinkMs) {
        if (thinkMs > 0) {
            try {
                Thread.sleep(thinkMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return HttpRequest.newBuilder(URI.create(console.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "console-session=" + token).header("Accept", "text/html")
                .header("Accept-Language", "es-ES,es;q=0.9,en;q=0.8").GET().build();
    }

    // report -----------------------------------------------------------------------------------------------------

    private static Report report(Report report, Ceilings ceilings, Map<String, Object> data, Work work, Phase warmed,
            Phase inbox, Phase view, int customers, int orders, int tickets, int thinkMs) {
        Map<String, Object> goals = new LinkedHashMap<>();
        goals.put("p95Ms", GOAL_P95_MS);
        goals.put("agents", work.agents().all().size());
        goals.put("inboxP95Met", inbox.load().latencies().percentile(95) < GOAL_P95_MS);
        goals.put("ticketViewP95Met", view.load().latencies().percentile(95) < GOAL_P95_MS);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("inboxP95ToGoal", Latencies.round2(inbox.load().latencies().percentile(95) / GOAL_P95_MS));
        ratios.put("ticketViewP95ToGoal", Latencies.round2(view.load().latencies().percentile(95) / GOAL_P95_MS));
        Map<String, Object> agents = new LinkedHashMap<>();
        agents.put("count", work.agents().all().size());
        agents.put("ids", work.agents().all().stream().map(a -> a.role() + " " + a.id()
                + (a.partner() ? " (" + a.team() + ")" : "")).toList());
        agents.put("signIn", "console-session cookie: a development token (iss postventa-dev), as the devstack sign-in "
                + "issues it");
        agents.put("thinkMs", thinkMs);
        agents.put("ticketsToOpen", Map.of("any", work.anyTickets().size(), "partnerTeam", work.partnerTickets().size()));
        report.put("dataSet", Map.of("customers", customers, "orders", orders, "tickets", tickets,
                        "method", TicketDataSet.METHOD, "load", data))
                .put("agents", agents)
                .put("jitWarmup", warmed == null ? Map.of("seconds", 0) : warmed.json())
                .put("inbox", inbox.json())
                .put("ticketView", view.json())
                .put("goals", goals)
                .put("ratios", ratios)
                .put("machineLoadAverageAtEnd", Machine.current().loadAverage());
        ceilings.addTo(report);
        if (warmed != null) {
            report.row("JIT warm-up, " + warmed.load().concurrency() + " agents (not counted)",
                    String.format(Locale.ROOT, "%.1f pages/s", warmed.load().perSecond()), "", "");
        }
        for (Phase phase : List.of(inbox, view)) {
            Latencies l = phase.load().latencies();
            report.row(phase.title() + ", " + phase.load().concurrency() + " agents: p95", Report.ms(l.percentile(95)),
                            "goal p95 < " + Report.ms(GOAL_P95_MS), Report.ratio(l.percentile(95), GOAL_P95_MS))
                    .row("  p50 / p99", Report.ms(l.percentile(50)) + " / " + Report.ms(l.percentile(99)),
                            phase.load().errors() + " errors", "")
                    .row("  pages/s", String.format(Locale.ROOT, "%.1f", phase.load().perSecond()), "", "")
                    .row("  console server time a page (mean)", Report.ms(phase.consoleMs()), "", "")
                    .row("  services' server time a page (mean)", Report.ms(phase.servicesMs()), "of the console's",
                            Report.ratio(phase.servicesMs(), phase.consoleMs()));
            phase.byService().forEach((name, t) -> report.row("    " + name, Report.ms(t.msPer(phase.pages())),
                    String.format(Locale.ROOT, "%.1f calls a page", t.count() / phase.pages()),
                    Report.ratio(t.msPer(phase.pages()), phase.consoleMs())));
            report.row("  console waited for them (its clients)", Report.ms(phase.waitedMs()), "", "")
                    .row("  cores: console / the services", phase.coresCell(), "", "")
                    .row("  machine cores busy", StackCpu.cell(phase.cpu()), "", "")
                    .row("  machine CPU a page", StackCpu.perEvent(phase.cpu(), phase.load().perSecond()), "", "");
        }
        return report.row("load average (start)", String.format(Locale.ROOT, "%.2f", report.machine().loadAverage()), "", "");
    }
}
