package dev.memberlist.bench.sidebyside;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Markdown report: one table per scenario, a row per figure, a column per implementation with the
 * median and the maximum of the repetitions (and how many failed, with why), then a Java/Go ratio of
 * the medians for each Java column, both taken in the same run of the harness.
 */
final class ReportTable {

    private static final int MAX_NOTES = 3;

    private ReportTable() {
    }

    /**
     * @param results every scenario's runs
     * @return the tables, one per scenario, each under a heading
     */
    static String render(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        for (ScenarioResult result : results) {
            out.append(scenario(result)).append('\n');
        }
        return out.toString();
    }

    /**
     * @param result one scenario's runs
     * @return its heading and table
     */
    static String scenario(ScenarioResult result) {
        List<Implementation> columns = result.implementations();
        Optional<Implementation> go = columns.stream().filter(i -> i.key().equals("go")).findFirst();
        List<Implementation> javas = go.isEmpty() ? List.of()
                : columns.stream().filter(i -> i.key().startsWith("java")).toList();
        int repetitions = columns.stream().mapToInt(i -> result.runs(i).size()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        out.append("#### `").append(result.scenario().preset()).append("`, N = ").append(result.scenario().nodes())
                .append(" (").append(repetitions).append(repetitions == 1 ? " repetition" : " repetitions")
                .append("; timings: median (max))\n\n");
        List<String> header = new ArrayList<>(List.of("figure"));
        columns.forEach(i -> header.add(i.label()));
        javas.forEach(j -> header.add(javas.size() == 1 ? "Java/Go" : j.label() + "/Go"));
        row(out, header);
        row(out, header.stream().map(h -> "---").toList());
        for (Figure figure : Figure.values()) {
            if (columns.stream().allMatch(i -> result.summary(i, figure).attempts() == 0)) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(figure.label()));
            columns.forEach(i -> cells.add(cell(result.summary(i, figure), figure)));
            for (Implementation java : javas) {
                cells.add(figure.comparesImplementations()
                        ? ratioCell(result.summary(java, figure), result.summary(go.get(), figure)) : "—");
            }
            row(out, cells);
        }
        for (Implementation implementation : columns) {
            List<String> notes = result.runs(implementation).stream().flatMap(run -> run.notes().stream())
                    .distinct().limit(MAX_NOTES).toList();
            if (!notes.isEmpty()) {
                out.append("\n").append(implementation.label()).append(", error events (first ").append(notes.size())
                        .append("): ").append(String.join("; ", notes.stream().map(n -> "`" + n.replace('`', '\'') + "`").toList()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /**
     * @param summary one figure of one implementation
     * @param figure the figure, for its unit and kind
     * @return e.g. {@code 1.94 s (2.31)}, {@code 8.5 ms/s}, {@code 0.38 s (0.41); 1/5 not converged in 120 s}, or —
     */
    static String cell(Summary summary, Figure figure) {
        if (summary.attempts() == 0) {
            return "—";
        }
        StringBuilder cell = new StringBuilder();
        if (summary.median().isPresent()) {
            cell.append(number(summary.median().get())).append(' ').append(figure.unit());
            if (figure.isTiming() && summary.values().size() > 1) {
                cell.append(" (").append(number(summary.max().get())).append(')');
            }
        }
        if (!summary.failures().isEmpty()) {
            if (cell.length() > 0) {
                cell.append("; ");
            }
            cell.append(summary.failures().size()).append('/').append(summary.attempts()).append(' ')
                    .append(summary.failures().get(0));
        }
        return cell.toString();
    }

    /** @return three significant figures for small values, whole numbers from 100 on */
    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** @return the ratio of the medians, flagged when either side's median leaves failed runs out */
    static String ratioCell(Summary java, Summary go) {
        return Summary.ratio(java, go).map(r -> String.format(Locale.ROOT, "%.2f", r)
                + (java.failures().isEmpty() && go.failures().isEmpty() ? "" : " (of runs with a value)")).orElse("—");
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
