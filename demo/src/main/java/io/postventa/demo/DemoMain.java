package io.postventa.demo;

import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./postventa demo [--rate EVENTS_PER_S] [--duration 2m] [--seed N]}: runs the storefront simulation against
 * the local stack, shows live progress and ends with a summary. The script starts the stack when none is running.
 */
public final class DemoMain {
    /** Inbound facts per order on average (its customer record included), to turn events/s into orders/s. */
    static final double EVENTS_PER_ORDER = 7.4;
    /** Share of the run during which new orders come in; the rest lets the last ones finish their lives. */
    static final double ORDERING_SHARE = 0.75;

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        double rate = 20;
        Duration duration = Duration.ofMinutes(2);
        long seed = System.currentTimeMillis();
        Path root = Path.of(System.getProperty("postventa.root", ".")).toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--rate" -> {
                    rate = Double.parseDouble(require(a, v));
                    i++;
                }
                case "--duration" -> {
                    duration = parseDuration(require(a, v));
                    i++;
                }
                case "--seed" -> {
                    seed = Long.parseLong(require(a, v));
                    i++;
                }
                case "--root" -> {
                    root = Path.of(require(a, v)).toAbsolutePath();
                    i++;
                }
                default -> fail("unknown option " + a + " (use --rate EVENTS_PER_S, --duration 2m, --seed N)");
            }
        }
        if (rate <= 0 || rate > 2000) {
            fail("--rate must be between 0 and 2000 events per second");
        }
        Path stateFile = StackSettings.local(root).dir().resolve("stack.properties");
        StackState stack = StackState.read(stateFile).filter(StackState::alive)
                .orElseThrow(() -> new IllegalStateException("no running stack (" + stateFile + "); run ./postventa demo"));
        new DemoMain.Run(stack, rate, duration, seed, System.out).run();
    }

    /** One demo run: orders at the rate for most of the duration, a live view, the summary at the end. */
    static final class Run {
        private final StackState stack;
        private final double rate;
        private final Duration duration;
        private final long seed;
        private final PrintStream out;
        private final boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        private int drawnLines;

        Run(StackState stack, double rate, Duration duration, long seed, PrintStream out) {
            this.stack = stack;
            this.rate = rate;
            this.duration = duration;
            this.seed = seed;
            this.out = out;
        }

        void run() throws InterruptedException {
            String runId = Long.toString(seed % 1_000_000, 36).toUpperCase(Locale.ROOT);
            out.printf("Storefront demo: %.0f inbound events/s (about %.1f orders/s) for %s, seed %d, run %s%n",
                    rate, rate / EVENTS_PER_ORDER, human(duration), seed, runId);
            out.println("New orders stop after " + human(Duration.ofMillis((long) (duration.toMillis() * ORDERING_SHARE)))
                    + "; the rest of the run lets their deliveries, contacts, returns and surveys play out.");
            out.println();
            try (Simulator sim = new Simulator(stack, seed, runId)) {
                Instant started = Instant.now();
                Instant stopOrdering = started.plusMillis((long) (duration.toMillis() * ORDERING_SHARE));
                Instant end = started.plus(duration);
                double ordersPerTick = rate / EVENTS_PER_ORDER / 10;
                double credit = 0;
                long nextDraw = 0;
                while (Instant.now().isBefore(end)) {
                    if (Instant.now().isBefore(stopOrdering)) {
                        credit += ordersPerTick;
                        while (credit >= 1) {
                            sim.startOrder();
                            credit -= 1;
                        }
                    }
                    long now = System.currentTimeMillis();
                    if (now >= nextDraw) {
                        draw(sim, Duration.between(started, Instant.now()));
                        nextDraw = now + (terminal ? 1000 : 10_000);
                    }
                    Thread.sleep(100);
                }
                draw(sim, Duration.between(started, Instant.now()));
                out.println();
                summary(sim, Duration.between(started, Instant.now()));
            }
        }

        private void draw(Simulator sim, Duration elapsed) {
            List<String> lines = progress(sim, elapsed);
            if (terminal) {
                if (drawnLines > 0) {
                    out.print("\033[" + drawnLines + "A\033[J");
                }
                lines.forEach(out::println);
                drawnLines = lines.size();
            } else {
                out.println(String.join(" | ", lines.subList(0, 4)).replaceAll(" {2,}", " "));
            }
            out.flush();
        }

        List<String> progress(Simulator sim, Duration elapsed) {
            Tally t = sim.tally;
            List<String> l = new ArrayList<>();
            l.add(String.format("[%s / %s]", clock(elapsed), clock(duration)));
            l.add(String.format("published   %6d events (%d customers, %d orders)  contacts %d  returns %d  survey answers %d",
                    t.get("pub.lifecycle") + t.get("pub.customers"), t.get("pub.customers"), t.get("pub.orders"),
                    t.get("api.contacts.ok"), t.get("api.returns.ok"), t.get("api.answers.ok")));
            l.add(String.format("notified    %6d sent  %d failed  %d suppressed", t.get("seen.notification.sent"),
                    t.get("seen.notification.failed"), t.get("seen.notification.suppressed")));
            l.add(String.format("returns     %6d decided (%s)", t.get("seen.return.decided"), outcomes(t)));
            long created = t.get("seen.ticket.created");
            long solved = t.get("seen.ticket.solved");
            l.add(String.format("tickets     %6d created  %d solved  %d open  %d reopened  (contacts received %d)", created,
                    solved, Math.max(0, created - solved + t.get("seen.ticket.reopened") - t.get("seen.ticket.merged")),
                    t.get("seen.ticket.reopened"), t.get("seen.contact.received")));
            l.add(String.format("orders      %6d status changes  %d delayed    surveys %d invited  %d answered",
                    t.get("seen.order-status.changed"), t.get("seen.order.delayed"), t.get("seen.survey.invited"),
                    t.get("seen.feedback.received")));
            Map<String, Long> lag = sim.lag();
            l.add("consumer lag " + (lag.isEmpty() ? "(measuring)" : Simulator.describe(lag)));
            List<String> errors = sim.recentErrors();
            if (!errors.isEmpty()) {
                l.add(String.format("errors      %6d, last: %s", t.get("errors"), errors.get(errors.size() - 1)));
            }
            return l;
        }

        private void summary(Simulator sim, Duration elapsed) {
            Tally t = sim.tally;
            out.println("Summary after " + human(elapsed));
            row("inbound events published", t.get("pub.lifecycle") + t.get("pub.customers"));
            row("  customers (es / en)", t.get("pub.customers") + " (" + t.get("lang.es") + " / " + t.get("lang.en") + ")");
            row("  orders placed", t.get("pub.orders"));
            row("  order fates", Simulator.describe(t.byPrefix("fate.")));
            row("contacts posted", t.get("api.contacts.ok") + " (failed " + t.get("api.contacts.failed") + ")");
            row("  by channel", Simulator.describe(t.byPrefix("contact.channel.")));
            row("  by what the customer meant", Simulator.describe(t.byPrefix("contact.intended.")));
            row("return requests", t.get("api.returns.ok") + " (ordinary " + t.get("returns.ordinary") + ", risky "
                    + t.get("returns.risky") + ", failed " + t.get("api.returns.failed") + ")");
            row("survey answers posted", t.get("api.answers.ok") + " (failed " + t.get("api.answers.failed") + ")");
            row("agent replies / return reviews", t.get("api.agent-replies.ok") + " / " + t.get("api.reviews.ok"));
            out.println();
            row("order status changes", t.get("seen.order-status.changed"));
            row("orders delayed", t.get("seen.order.delayed"));
            row("notifications sent", t.get("seen.notification.sent"));
            row("notifications failed / suppressed", t.get("seen.notification.failed") + " / "
                    + t.get("seen.notification.suppressed"));
            row("returns decided", t.get("seen.return.decided") + " (" + outcomes(t) + ")");
            row("returns refunded", t.get("seen.return.refunded"));
            row("tickets created", t.get("seen.ticket.created"));
            row("tickets solved", t.get("seen.ticket.solved"));
            row("tickets first responses", t.get("seen.ticket.first-response"));
            row("surveys invited / answered", t.get("seen.survey.invited") + " / " + t.get("seen.feedback.received")
                    + " (detractors " + t.get("seen.feedback.detractor") + ")");
            row("consumer lag at the end", Simulator.describe(sim.lag()));
            row("errors", t.get("errors"));
            sim.recentErrors().forEach(e -> out.println("    " + e));
            Path mail = StackSettings.local(Path.of(System.getProperty("postventa.root", "."))).dir().resolve("mail");
            out.println();
            out.println("E-mails sent are in " + mail.toAbsolutePath().normalize() + " (.eml files); dashboard: "
                    + io.postventa.devstack.PlatformService.FEEDBACK.url() + "/dashboard (./postventa token --role manager --sub m-1)");
        }

        private static String outcomes(Tally t) {
            Map<String, Long> by = t.byPrefix("decided.");
            return by.isEmpty() ? "none yet" : Simulator.describe(by).replace('.', ' ');
        }

        private void row(String name, Object value) {
            out.printf("  %-36s %s%n", name, value);
        }
    }

    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofSeconds(Long.parseLong(s));
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("--duration: use 90s, 2m, 1h or PT2M, not " + text);
        }
    }

    private static String clock(Duration d) {
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private static String human(Duration d) {
        return d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.getSeconds() + " s";
    }

    private static String require(String option, String value) {
        if (value == null) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("postventa demo: " + message);
        System.exit(2);
    }
}
