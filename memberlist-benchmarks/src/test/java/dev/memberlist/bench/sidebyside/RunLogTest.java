package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RunLogTest {

    @Test
    void writesOneLinePerRunAndFigureWithFailuresInTheirColumn() {
        String log = RunLog.render(List.of(SideBySideFixtures.lan8()));

        assertThat(log).startsWith(RunLog.HEADER + "\n");
        assertThat(log).contains("lan\t8\tjava\tJava (JDK 17)\t3\tCONVERGE_FROM_JOIN\t2.4\ts\t\n");
        assertThat(log).contains("lan\t8\tscalecube\tscalecube 2.7.10\t2\tCONVERGE_FROM_JOIN\t\ts\tnot converged in 120 s\n");
    }

    @Test
    void readsBackTheSameTablesAlsoFromSeveralFiles() {
        List<ScenarioResult> results = List.of(SideBySideFixtures.lan8());
        List<String> twoFiles = new ArrayList<>(RunLog.render(results).lines().toList());
        twoFiles.add(RunLog.HEADER);

        // The log keeps figures, not the nodes' error events listed under a table.
        assertThat(ReportTable.render(RunLog.parse(twoFiles)))
                .isEqualTo(ReportTable.render(results).replaceAll("\n[^\n]*error events[^\n]*\n", ""));
    }

    @Test
    void rejectsALineWithoutTheColumns() {
        assertThatIllegalArgumentException().isThrownBy(() -> RunLog.parse(List.of("lan\t8\tjava")));
    }
}
