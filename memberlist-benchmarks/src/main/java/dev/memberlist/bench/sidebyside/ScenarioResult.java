package dev.memberlist.bench.sidebyside;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run of one scenario, per implementation, in the order the implementations were given.
 * Not thread-safe.
 */
final class ScenarioResult {

    private final Scenario scenario;
    private final Map<Implementation, List<RunFigures>> runs = new LinkedHashMap<>();

    /**
     * @param scenario the scenario
     * @param implementations the columns, in order
     */
    ScenarioResult(Scenario scenario, List<Implementation> implementations) {
        this.scenario = scenario;
        for (Implementation implementation : implementations) {
            runs.put(implementation, new ArrayList<>());
        }
    }

    /** @return the scenario */
    Scenario scenario() {
        return scenario;
    }

    /** @return the implementations, in column order */
    List<Implementation> implementations() {
        return List.copyOf(runs.keySet());
    }

    /**
     * @param implementation one of the columns
     * @param figures one more run of it
     */
    void add(Implementation implementation, RunFigures figures) {
        runs.get(implementation).add(figures);
    }

    /** @return the runs of one implementation, in the order they ran */
    List<RunFigures> runs(Implementation implementation) {
        return List.copyOf(runs.get(implementation));
    }

    /** @return the summary of one figure of one implementation */
    Summary summary(Implementation implementation, Figure figure) {
        return Summary.of(runs.get(implementation), figure);
    }
}
