package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTableTest {

    @Test
    void rendersMedianAndMaxPerImplementationAndTheJavaGoRatio() {
        String table = ReportTable.render(List.of(SideBySideFixtures.lan8()));

        assertThat(table).contains("#### `lan`, N = 8 (3 repetitions; timings: median (max))");
        assertThat(table).contains("| figure | Java (JDK 17) | Go memberlist 0.2.2 | scalecube 2.7.10 | Java/Go |");
        assertThat(table).contains("| converge, from the `join` command to N−1 ready processes | 2.00 s (2.40) | 0.40 s (0.50) "
                + "| 3.00 s; 1/2 not converged in 120 s | 5.00 |");
        assertThat(table).contains("| crash → dead on every survivor | 6.00 s (7.20) | 1.20 s (1.50) | 9.00 s | 5.00 |");
        assertThat(table).doesNotContain("idle CPU");
        assertThat(table).contains("scalecube 2.7.10, error events (first 1): `from join: n1: join: TCP exchange timed out`");
    }

    @Test
    void cellSaysWhenEveryRunFailedAndDashWhenNothingWasTried() {
        Summary failed = new Summary(List.of(), List.of("not converged in 120 s", "not converged in 120 s"));

        assertThat(ReportTable.cell(failed, Figure.CONVERGE_FROM_JOIN)).isEqualTo("2/2 not converged in 120 s");
        assertThat(ReportTable.cell(new Summary(List.of(), List.of()), Figure.IDLE_CPU)).isEqualTo("—");
        assertThat(ReportTable.cell(new Summary(List.of(8.46), List.of()), Figure.IDLE_CPU)).isEqualTo("8.46 ms/s");
    }

    @Test
    void ratioSaysWhenFailedRunsAreLeftOutAndEmptyJvmRowsHaveNone() {
        ScenarioResult result = SideBySideFixtures.lan8();
        RunFigures stuck = new RunFigures();
        stuck.fail(Figure.CONVERGE_FROM_JOIN, "not converged in 120 s");
        result.add(SideBySideFixtures.JAVA, stuck);
        RunFigures idle = new RunFigures();
        idle.put(Figure.EMPTY_JVM_CPU, 1.8);
        result.add(SideBySideFixtures.JAVA, idle);
        result.add(SideBySideFixtures.GO, idle);

        String table = ReportTable.scenario(result);

        assertThat(table).contains("| 2.00 s (2.40); 1/4 not converged in 120 s | 0.40 s (0.50) "
                + "| 3.00 s; 1/2 not converged in 120 s | 5.00 (of runs with a value) |");
        assertThat(table).contains("| idle CPU of an empty JVM, same window | 1.80 ms/s | 1.80 ms/s | — | — |");
    }

    @Test
    void numbersKeepThreeFiguresBelowAHundredAndNoneAbove() {
        assertThat(ReportTable.number(0.3851)).isEqualTo("0.39");
        assertThat(ReportTable.number(87.26)).isEqualTo("87.3");
        assertThat(ReportTable.number(1234.5)).isEqualTo("1235");
    }
}
