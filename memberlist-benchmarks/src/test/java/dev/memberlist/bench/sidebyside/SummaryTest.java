package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SummaryTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueAndMaxTheLargest() {
        Summary summary = new Summary(List.of(5.0, 1.0, 3.0), List.of());

        assertThat(summary.median()).contains(3.0);
        assertThat(summary.max()).contains(5.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(new Summary(List.of(4.0, 1.0, 2.0, 10.0), List.of()).median()).contains(3.0);
    }

    @Test
    void gathersValuesAndFailuresOfOneFigureAndSkipsRunsThatDidNotTryIt() {
        RunFigures converged = new RunFigures();
        converged.put(Figure.CONVERGE_FROM_JOIN, 0.4);
        RunFigures stuck = new RunFigures();
        stuck.fail(Figure.CONVERGE_FROM_JOIN, "not converged in 120 s");
        RunFigures other = new RunFigures();
        other.put(Figure.IDLE_CPU, 2.5);

        Summary summary = Summary.of(List.of(converged, stuck, other), Figure.CONVERGE_FROM_JOIN);

        assertThat(summary.values()).containsExactly(0.4);
        assertThat(summary.failures()).containsExactly("not converged in 120 s");
        assertThat(summary.attempts()).isEqualTo(2);
    }

    @Test
    void ratioDividesTheMediansAndHasNoneWithoutBoth() {
        Summary java = new Summary(List.of(1.9, 2.0, 2.1), List.of());
        Summary go = new Summary(List.of(0.4, 0.38, 0.5), List.of());

        assertThat(Summary.ratio(java, go)).hasValueSatisfying(r -> assertThat(r).isCloseTo(5.0, within(1e-9)));
        assertThat(Summary.ratio(java, new Summary(List.of(), List.of("not converged")))).isEmpty();
        assertThat(Summary.ratio(java, new Summary(List.of(0.0), List.of()))).isEmpty();
        assertThat(new Summary(List.of(), List.of()).median()).isEmpty();
    }
}
