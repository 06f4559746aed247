package io.postventa.feedback.api;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.postventa.web.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** CSV export (RFC 4180): chosen by {@code ?format=csv} or {@code Accept: text/csv}. */
final class Csv {
    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** True when the caller asked for CSV; 400 naming {@code format} for an unknown format. */
    static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badField("format", "must be json or csv");
            };
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype()));
    }

    static Response response(String filename, List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(line(header.stream().map(h -> (Object) h).toList()));
        rows.forEach(r -> out.append(line(r)));
        return Response.ok(out.toString(), MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static String line(List<Object> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.startsWith("=") || s.startsWith("+") || s.startsWith("-") && !s.matches("-?[0-9.]+") || s.startsWith("@")) {
            s = "'" + s; // keeps spreadsheets from running a cell as a formula
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
