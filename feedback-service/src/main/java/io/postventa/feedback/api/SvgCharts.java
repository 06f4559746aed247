package io.postventa.feedback.api;

import java.util.List;
import java.util.Locale;

/**
 * Server-side SVG charts for the dashboard: no JavaScript and nothing fetched from elsewhere. Each mark carries
 * its label and value as data attributes (and a tooltip), so tests and screen readers can read the figures.
 */
final class SvgCharts {
    static final String BAR = "#2563eb";
    static final String LINE = "#dc2626";
    static final String LINE_2 = "#16a34a";
    static final String CUT = "#f59e0b";
    private static final int W = 600;
    private static final int H = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 34;
    private static final int TOP = 16;
    private static final int BOTTOM = 56;

    private SvgCharts() {
    }

    /** One labelled value; null values are drawn as gaps. */
    record Point(String label, Double value) {
    }

    /** A vertical bar chart. */
    static String bars(String id, String title, List<Point> points) {
        double max = Math.max(1e-9, points.stream().filter(p -> p.value() != null).mapToDouble(Point::value).max().orElse(1));
        StringBuilder svg = open(id, title);
        axes(svg, 0, max);
        int n = Math.max(points.size(), 1);
        double slot = (double) (W - LEFT - RIGHT) / n;
        double bw = Math.max(2, slot * 0.7);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = LEFT + i * slot + (slot - bw) / 2;
            double v = p.value() == null ? 0 : p.value();
            double h = (H - TOP - BOTTOM) * v / max;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-label=\"%s\" data-value=\"%s\" x=\"%.1f\" y=\"%.1f\" "
                    + "width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>", esc(p.label()), fmt(p.value()),
                    x, H - BOTTOM - h, bw, h, BAR, esc(p.label()), fmt(p.value())));
            xLabel(svg, points.size(), i, x + bw / 2, p.label());
        }
        return svg.append("</svg>").toString();
    }

    /** One or two line series over the same labels. */
    static String lines(String id, String title, List<String> labels, String name1, List<Double> s1, String name2, List<Double> s2,
            double min, double max) {
        StringBuilder svg = open(id, title);
        axes(svg, min, max);
        series(svg, labels, s1, min, max, LINE, name1);
        if (s2 != null) {
            series(svg, labels, s2, min, max, LINE_2, name2);
        }
        for (int i = 0; i < labels.size(); i++) {
            xLabel(svg, labels.size(), i, x(i, labels.size()), labels.get(i));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>", LEFT + 4, TOP + 10,
                LINE, esc(name1)));
        if (s2 != null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>", LEFT + 4,
                    TOP + 24, LINE_2, esc(name2)));
        }
        return svg.append("</svg>").toString();
    }

    /** Pareto: bars by count, the cumulative share as a line, the 80% cut as a dashed rule. */
    static String pareto(String id, String title, List<Point> bars, List<Double> cumulative) {
        String chart = bars(id, title, bars);
        StringBuilder extra = new StringBuilder();
        int n = Math.max(bars.size(), 1);
        double slot = (double) (W - LEFT - RIGHT) / n;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < cumulative.size(); i++) {
            double x = LEFT + i * slot + slot / 2;
            double y = H - BOTTOM - (H - TOP - BOTTOM) * cumulative.get(i);
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            extra.append(String.format(Locale.ROOT, "<circle class=\"cumulative\" data-value=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
                    + "fill=\"%s\"/>", fmt(cumulative.get(i)), x, y, LINE));
        }
        if (!cumulative.isEmpty()) {
            extra.insert(0, "<path class=\"cumulative-line\" d=\"" + path + "\" stroke=\"" + LINE + "\" stroke-width=\"2\" fill=\"none\"/>");
        }
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = H - BOTTOM - (H - TOP - BOTTOM) * pct / 100.0;
            extra.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%d%%</text>",
                    W - RIGHT + 2, y + 3, LINE, pct));
        }
        double cutY = H - BOTTOM - (H - TOP - BOTTOM) * 0.8;
        extra.append(String.format(Locale.ROOT, "<line class=\"cut\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-dasharray=\"6 4\" stroke-width=\"2\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"%s\" "
                + "text-anchor=\"end\">80%%</text>", LEFT, W - RIGHT, cutY, cutY, CUT, W - RIGHT - 2, cutY - 4, CUT));
        return chart.replace("</svg>", extra + "</svg>");
    }

    private static void series(StringBuilder svg, List<String> labels, List<Double> values, double min, double max, String colour,
            String name) {
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = x(i, labels.size());
            double y = y(v, min, max);
            path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            pen = true;
            svg.append(String.format(Locale.ROOT, "<circle class=\"point\" data-series=\"%s\" data-label=\"%s\" data-value=\"%s\" "
                    + "cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %s: %s</title></circle>", esc(name), esc(labels.get(i)),
                    fmt(v), x, y, colour, esc(name), esc(labels.get(i)), fmt(v)));
        }
        if (path.length() > 0) {
            svg.append("<path class=\"line\" d=\"").append(path.toString().trim()).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2.5\" fill=\"none\"/>");
        }
    }

    private static double x(int i, int n) {
        double slot = (double) (W - LEFT - RIGHT) / Math.max(n, 1);
        return LEFT + i * slot + slot / 2;
    }

    private static double y(double v, double min, double max) {
        return H - BOTTOM - (H - TOP - BOTTOM) * (v - min) / Math.max(1e-9, max - min);
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" id=\"%s\" role=\"img\" aria-label=\"%s\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\"><title>%s</title>",
                esc(id), esc(title), W, H, W, H, esc(title)));
    }

    private static void axes(StringBuilder svg, double min, double max) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#6b7280\"/>", LEFT, H - BOTTOM,
                W - RIGHT, H - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#6b7280\"/>", LEFT, TOP, LEFT,
                H - BOTTOM));
        for (int i = 0; i <= 4; i++) {
            double v = min + (max - min) * i / 4;
            double y = y(v, min, max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#374151\">%s</text>", LEFT, y, W - RIGHT,
                    y, LEFT - 4, y + 3, fmt(v)));
        }
    }

    private static void xLabel(StringBuilder svg, int n, int i, double x, String label) {
        int every = Math.max(1, (int) Math.ceil(n / 12.0));
        if (i % every == 0) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#374151\" "
                    + "transform=\"rotate(35 %.1f %d)\">%s</text>", x, H - BOTTOM + 14, x, H - BOTTOM + 14, esc(label)));
        }
    }

    static String fmt(Double v) {
        if (v == null) {
            return "";
        }
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.valueOf(Math.round(v));
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
