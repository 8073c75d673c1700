package dev.memberlist.bench.sidebyside;

import java.util.List;

/** Every run's figures as tab-separated lines, for a closer look than medians give. */
final class RunLog {

    private RunLog() {
    }

    /**
     * @param results every scenario's runs
     * @return a header line, then one line per scenario, implementation, repetition and figure
     */
    static String render(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder("preset\tnodes\timplementation\trepetition\tfigure\tvalue\tunit\tfailure\n");
        for (ScenarioResult result : results) {
            for (Implementation implementation : result.implementations()) {
                List<RunFigures> runs = result.runs(implementation);
                for (int r = 0; r < runs.size(); r++) {
                    for (Figure figure : Figure.values()) {
                        RunFigures run = runs.get(r);
                        if (run.value(figure).isEmpty() && run.failure(figure).isEmpty()) {
                            continue;
                        }
                        out.append(result.scenario().preset()).append('\t').append(result.scenario().nodes()).append('\t')
                                .append(implementation.key()).append('\t').append(r + 1).append('\t')
                                .append(figure.name()).append('\t')
                                .append(run.value(figure).map(String::valueOf).orElse("")).append('\t')
                                .append(figure.unit()).append('\t').append(run.failure(figure).orElse("")).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
