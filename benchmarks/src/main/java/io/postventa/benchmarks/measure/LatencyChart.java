package io.postventa.benchmarks.measure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import java.text.DecimalFormat;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG of latencies: over time (one dot per message, coloured by load step) above their distribution (the
 * percentile curve of each step), drawn headless with JFreeChart.
 */
public final class LatencyChart {
    /** The latencies of one load step: when each message's origin was (s since the run began) and its latency. */
    public record Step(String label, double[] atSeconds, double[] latencyMs) {
    }

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private LatencyChart() {
    }

    public static Path write(Path file, String title, List<Step> steps) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 1200;
        BufferedImage top = overTime(title, steps).createBufferedImage(width, 520);
        BufferedImage bottom = distribution(steps).createBufferedImage(width, 460);
        BufferedImage image = new BufferedImage(width, top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(top, 0, 0, null);
        g.drawImage(bottom, 0, top.getHeight(), null);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static JFreeChart overTime(String title, List<Step> steps) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Step s : steps) {
            XYSeries series = new XYSeries(s.label(), false, true);
            // at most ~4,000 dots per step keep the picture readable and the file small
            int every = Math.max(1, s.latencyMs().length / 4000);
            for (int i = 0; i < s.latencyMs().length; i += every) {
                series.add(s.atSeconds()[i], Math.max(1, s.latencyMs()[i]));
            }
            data.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < steps.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        NumberAxis x = new NumberAxis("time since the load began (s)");
        LogAxis y = new LogAxis("latency, inbound event to provider (ms, log scale)");
        decades(y);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot);
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart distribution(List<Step> steps) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Step s : steps) {
            double[] sorted = s.latencyMs().clone();
            Arrays.sort(sorted);
            XYSeries series = new XYSeries(s.label(), false, true);
            int points = Math.min(sorted.length, 500);
            for (int k = 0; k < points; k++) {
                int i = (int) ((long) k * (sorted.length - 1) / Math.max(1, points - 1));
                series.add(Math.max(1, sorted[i]), 100.0 * (i + 1) / sorted.length);
            }
            data.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < steps.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        LogAxis x = new LogAxis("latency (ms, log scale)");
        decades(x);
        NumberAxis y = new NumberAxis("messages at or below (%)");
        y.setRange(0, 100);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot);
        JFreeChart chart = new JFreeChart("Distribution per load step (cumulative)",
                new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Log-scale ticks written as plain milliseconds (JFreeChart picks them, so a narrow range still has some). */
    private static void decades(LogAxis axis) {
        axis.setSmallestValue(1);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
