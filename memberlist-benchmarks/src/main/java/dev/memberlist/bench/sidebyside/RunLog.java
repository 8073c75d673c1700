package dev.memberlist.bench.sidebyside;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run's figures as tab-separated lines, for a closer look than medians give, and back: a report
 * and charts can be made again from these lines ({@link SideBySideReport}), e.g. after joining the
 * files of two runs of the harness.
 */
final class RunLog {

    static final String HEADER = "preset\tnodes\tkey\timplementation\trepetition\tfigure\tvalue\tunit\tfailure";

    private RunLog() {
    }

    /**
     * @param results every scenario's runs
     * @return a header line, then one line per scenario, implementation, repetition and figure
     */
    static String render(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ScenarioResult result : results) {
            for (Implementation implementation : result.implementations()) {
                List<RunFigures> runs = result.runs(implementation);
                for (int r = 0; r < runs.size(); r++) {
                    RunFigures run = runs.get(r);
                    for (Figure figure : Figure.values()) {
                        if (run.value(figure).isEmpty() && run.failure(figure).isEmpty()) {
                            continue;
                        }
                        out.append(String.join("\t", result.scenario().preset(),
                                Integer.toString(result.scenario().nodes()), implementation.key(), implementation.label(),
                                Integer.toString(r + 1), figure.name(), run.value(figure).map(String::valueOf).orElse(""),
                                figure.unit(), run.failure(figure).orElse(""))).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * @param lines lines as {@link #render} writes them, header lines (also of several files) skipped
     * @return the scenarios in the order they first appear, each with its implementations and runs
     * @throws IllegalArgumentException on a line that does not have the columns
     */
    static List<ScenarioResult> parse(List<String> lines) {
        Map<Scenario, Map<Implementation, Map<Integer, RunFigures>>> runs = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.equals(HEADER)) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 9) {
                throw new IllegalArgumentException("not a run line (9 tab-separated columns): " + line);
            }
            Scenario scenario = new Scenario(cells[0], Integer.parseInt(cells[1]));
            Implementation implementation = new Implementation(cells[2], cells[3], List.of(cells[2]),
                    !cells[2].equals("scalecube"));
            RunFigures run = runs.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                    .computeIfAbsent(implementation, i -> new LinkedHashMap<>())
                    .computeIfAbsent(Integer.parseInt(cells[4]), r -> new RunFigures());
            Figure figure = Figure.valueOf(cells[5]);
            if (cells[6].isEmpty()) {
                run.fail(figure, cells[8]);
            } else {
                run.put(figure, Double.parseDouble(cells[6]));
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        runs.forEach((scenario, byImplementation) -> {
            ScenarioResult result = new ScenarioResult(scenario, List.copyOf(byImplementation.keySet()));
            byImplementation.forEach((implementation, byRepetition) -> byRepetition.values()
                    .forEach(run -> result.add(implementation, run)));
            results.add(result);
        });
        return results;
    }
}
