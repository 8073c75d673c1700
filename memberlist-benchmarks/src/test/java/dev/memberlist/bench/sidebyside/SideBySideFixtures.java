package dev.memberlist.bench.sidebyside;

import java.util.List;

/** Implementations and runs with known figures, for the report and the charts. */
final class SideBySideFixtures {

    static final Implementation JAVA = new Implementation("java", "Java (JDK 17)", List.of("java", "-jar", "agent.jar"), true);
    static final Implementation GO = new Implementation("go", "Go memberlist 0.2.2", List.of("gopeer"), true);
    static final Implementation SCALECUBE =
            new Implementation("scalecube", "scalecube 2.7.10", List.of("java", "-jar", "scalecube-peer.jar"), false);

    private SideBySideFixtures() {
    }

    /** lan, N = 8: Java converges in 1.9, 2.0 and 2.4 s, Go in 0.38, 0.40, 0.50 s; scalecube once of twice. */
    static ScenarioResult lan8() {
        ScenarioResult result = new ScenarioResult(new Scenario("lan", 8), List.of(JAVA, GO, SCALECUBE));
        for (double seconds : new double[] {2.0, 1.9, 2.4}) {
            result.add(JAVA, converged(seconds));
        }
        for (double seconds : new double[] {0.40, 0.38, 0.50}) {
            result.add(GO, converged(seconds));
        }
        result.add(SCALECUBE, converged(3.0));
        RunFigures stuck = new RunFigures();
        stuck.fail(Figure.CONVERGE_FROM_JOIN, "not converged in 120 s");
        stuck.note("from join: n1: join: TCP exchange timed out");
        result.add(SCALECUBE, stuck);
        return result;
    }

    private static RunFigures converged(double seconds) {
        RunFigures figures = new RunFigures();
        figures.put(Figure.CONVERGE_FROM_JOIN, seconds);
        figures.put(Figure.CRASH_ALL_DEAD, seconds * 3);
        return figures;
    }
}
