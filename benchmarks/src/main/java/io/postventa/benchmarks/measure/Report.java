package io.postventa.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.postventa.devstack.ServiceProcess;

/** A benchmark's printed table and its JSON file (benchmarks/results/NAME.json unless --results says otherwise). */
public final class Report {
    private final String name;
    private final Path dir;
    private final Machine machine;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    public Report(String name, Path dir, Machine machine) {
        this.name = name;
        this.dir = dir;
        this.machine = machine;
        json.put("benchmark", name);
        json.put("date", Instant.now().toString());
        json.put("machine", machine);
        // what the services under test ran with (POSTVENTA_SERVICE_JAVA_OPTS or the defaults)
        json.put("serviceJvmOptions", ServiceProcess.jvmOptions());
    }

    public Machine machine() {
        return machine;
    }

    public Report put(String key, Object value) {
        json.put(key, value);
        return this;
    }

    /** One table row: what, the figure, what it is compared with, and the ratio. */
    public Report row(String what, String value, String reference, String ratio) {
        rows.add(new String[] {what, value, reference, ratio});
        return this;
    }

    public static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    public static String ratio(double achieved, double ceiling) {
        return String.format(Locale.ROOT, "%.2f", achieved / ceiling);
    }

    /** Where files that belong with the results go, e.g. a chart: {@code <dir>/<name><suffix>}. */
    public Path sibling(String suffix) {
        return dir.resolve(name + suffix);
    }

    /** Prints the table and writes {@code <dir>/<name>.json} (the latest run). */
    public Path write() throws IOException {
        int[] widths = {44, 22, 34, 8};
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%s%n", name));
        String header = String.format("%-" + widths[0] + "s %-" + widths[1] + "s %-" + widths[2] + "s %s", "measure",
                "value", "compared with", "ratio");
        table.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (String[] row : rows) {
            table.append(String.format("%-" + widths[0] + "s %-" + widths[1] + "s %-" + widths[2] + "s %s%n", row[0], row[1],
                    row[2], row[3]));
        }
        System.out.println(table);
        json.put("table", rows.stream().map(r -> Map.of("measure", r[0], "value", r[1], "comparedWith", r[2], "ratio", r[3]))
                .toList());
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        System.out.println("Results written to " + file);
        return file;
    }
}
