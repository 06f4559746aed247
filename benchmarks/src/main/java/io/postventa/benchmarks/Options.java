package io.postventa.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.stack.BenchLogging;
import io.postventa.testing.TestStack;

/**
 * A benchmark's command line: each option is declared with its default and what it does, so {@code --help} lists
 * them all and a misspelt option stops the run at once instead of running half an hour on the defaults. Every
 * benchmark also takes {@code --name} (the results file's name) and {@code --results} (its directory).
 */
public final class Options {
    private final String benchmark;
    private final String resultName;
    private final String purpose;
    private final Map<String, List<String>> given = new LinkedHashMap<>();
    private final Set<String> declared = new LinkedHashSet<>();
    private final List<String> help = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Options(String benchmark, String resultName, String purpose, String[] args) {
        this.benchmark = benchmark;
        this.resultName = resultName;
        this.purpose = purpose;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || args[i].length() == 2) {
                problems.add("not an option: " + args[i]);
                continue;
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            given.computeIfAbsent(name, k -> new ArrayList<>()).add(hasValue ? args[++i] : null);
        }
    }

    /** The command line of benchmark {@code benchmark} ({@code ./postventa bench NAME}); logging is set up first. */
    public static Options parse(String benchmark, String purpose, String[] args) {
        return parse(benchmark, benchmark, purpose, args);
    }

    /** The same, for a benchmark whose results file is not named after it (outbox writes outbox-relay.json). */
    public static Options parse(String benchmark, String resultName, String purpose, String[] args) {
        BenchLogging.configure();
        return new Options(benchmark, resultName, purpose, args);
    }

    /** A whole number, {@code fallback} when not given. */
    public int integer(String name, int fallback, String what) {
        String value = value(name, Integer.toString(fallback), what);
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add("--" + name + " takes a whole number, not " + value);
            return fallback;
        }
    }

    /** A comma-separated list of whole numbers, e.g. {@code 1,4,16}. */
    public List<Integer> integers(String name, String fallback, String what) {
        String value = value(name, fallback, what);
        try {
            return Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            problems.add("--" + name + " takes whole numbers separated by commas, not " + value);
            return Arrays.stream(fallback.split(",")).map(Integer::parseInt).toList();
        }
    }

    /** A text, {@code fallback} (possibly null) when not given. */
    public String text(String name, String fallback, String what) {
        return value(name, fallback, what);
    }

    /** A switch without a value. */
    public boolean flag(String name, String what) {
        declare(name, null, what, "");
        List<String> values = given.get(name);
        if (values != null && values.stream().anyMatch(v -> v != null)) {
            problems.add("--" + name + " takes no value");
        }
        return values != null;
    }

    /** An option that may be given several times, e.g. {@code --prop a=1 --prop b=2}. */
    public List<String> repeated(String name, String what) {
        declare(name, null, what, " (repeatable)");
        List<String> values = given.getOrDefault(name, List.of());
        if (values.stream().anyMatch(v -> v == null)) {
            problems.add("--" + name + " needs a value");
        }
        return values.stream().filter(v -> v != null).toList();
    }

    /**
     * Ends the declarations: with {@code --help} prints them and exits; with an unknown or malformed option prints
     * what is wrong and exits with 2. Then prints the benchmark's title and the machine it runs on.
     */
    public Machine start(String title) {
        String name = text("name", resultName, "name of the results file, e.g. trial (writes trial.json, leaving the "
                + "committed results alone)");
        text("results", "benchmarks/results", "directory of the results file (relative to the project root)");
        for (String option : given.keySet()) {
            if (!declared.contains(option)) {
                problems.add("unknown option --" + option);
            }
        }
        if (given.containsKey("help")) {
            System.out.println(usage());
            System.exit(0);
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems) + "\n\n" + usage());
            System.exit(2);
        }
        Machine machine = Machine.current();
        System.out.printf("%s on %d cores (%s), load average %.2f; results as %s%n", title, machine.cores(), machine.cpu(),
                machine.loadAverage(), resultsDir().resolve(name + ".json"));
        return machine;
    }

    /** The report this run writes: {@code --results}/{@code --name}.json. */
    public Report report(Machine machine) {
        return new Report(value("name", resultName, null), resultsDir(), machine);
    }

    private Path resultsDir() {
        return TestStack.projectRoot().resolve(value("results", "benchmarks/results", null));
    }

    private String usage() {
        StringBuilder out = new StringBuilder("./postventa bench " + benchmark + " [options]\n" + purpose + "\n\n");
        help.forEach(line -> out.append(line).append('\n'));
        out.append(String.format("  %-30s %s%n", "--help", "this list"));
        return out.toString();
    }

    private String value(String name, String fallback, String what) {
        if (what != null) {
            declare(name, fallback, what, "");
        }
        List<String> values = given.get(name);
        if (values == null) {
            return fallback;
        }
        String last = values.get(values.size() - 1);
        if (last == null) {
            problems.add("--" + name + " needs a value");
            return fallback;
        }
        return last;
    }

    private void declare(String name, String fallback, String what, String suffix) {
        if (declared.add(name)) {
            String option = "--" + name + (fallback == null ? "" : " " + fallback);
            help.add(String.format("  %-30s %s%s", option, what, suffix));
        }
    }
}
