package dev.memberlist.bench.sidebyside;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PNG bar charts of the medians against N, one implementation beside the other, a pair per preset:
 * {@code convergence-<preset>.png} (from the join command) and {@code detection-<preset>.png} (crash →
 * dead on every survivor). An implementation that failed every repetition has no bar but stays in the
 * legend; the table says why.
 */
final class Charts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 480;

    private Charts() {
    }

    /**
     * @param results every scenario's runs
     * @param directory where the PNGs go; created if missing
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    static List<Path> write(List<ScenarioResult> results, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(directory);
        Set<String> presets = new LinkedHashSet<>();
        results.forEach(r -> presets.add(r.scenario().preset()));
        List<Path> written = new ArrayList<>();
        for (String preset : presets) {
            List<ScenarioResult> ofPreset = results.stream().filter(r -> r.scenario().preset().equals(preset)).toList();
            written.add(chart(ofPreset, Figure.CONVERGE_FROM_JOIN,
                    "Convergence from the join command, " + preset + " preset (median)",
                    directory.resolve("convergence-" + preset + ".png")));
            written.add(chart(ofPreset, Figure.CRASH_ALL_DEAD,
                    "Crash → dead on every survivor, " + preset + " preset (median)",
                    directory.resolve("detection-" + preset + ".png")));
        }
        return written;
    }

    private static Path chart(List<ScenarioResult> results, Figure figure, String title, Path file) throws IOException {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ScenarioResult result : results) {
            String n = "N = " + result.scenario().nodes();
            for (Implementation implementation : result.implementations()) {
                // A null bar keeps the implementation in the legend when none of its runs had the figure.
                dataset.addValue(result.summary(implementation, figure).median().orElse(null), implementation.label(), n);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "cluster size (no bar: no run had the figure, see the table)",
                "seconds", dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }
}
