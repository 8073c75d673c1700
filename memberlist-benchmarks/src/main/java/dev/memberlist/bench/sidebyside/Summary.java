package dev.memberlist.bench.sidebyside;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One figure over the repetitions of one implementation: median and maximum of the runs that measured
 * it, and the reasons of those that failed.
 *
 * @param values the measured values, sorted
 * @param failures one reason per failed run
 */
record Summary(List<Double> values, List<String> failures) {

    /** Copies and sorts. */
    Summary {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        values = List.copyOf(sorted);
        failures = List.copyOf(failures);
    }

    /**
     * @param runs the runs of one implementation in one scenario
     * @param figure the figure to gather
     * @return its summary; runs that did not attempt the figure count neither way
     */
    static Summary of(List<RunFigures> runs, Figure figure) {
        List<Double> values = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (RunFigures run : runs) {
            run.value(figure).ifPresent(values::add);
            run.failure(figure).ifPresent(failures::add);
        }
        return new Summary(values, failures);
    }

    /** @return the median of the values (the mean of the middle two for an even count) */
    Optional<Double> median() {
        int n = values.size();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2);
    }

    /** @return the largest value */
    Optional<Double> max() {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** @return how many runs attempted the figure */
    int attempts() {
        return values.size() + failures.size();
    }

    /**
     * @param numerator e.g. Java's summary
     * @param denominator e.g. Go's summary from the same run of the harness
     * @return the ratio of the medians, when both exist and the denominator is not zero
     */
    static Optional<Double> ratio(Summary numerator, Summary denominator) {
        Optional<Double> top = numerator.median();
        Optional<Double> bottom = denominator.median();
        if (top.isEmpty() || bottom.isEmpty() || bottom.get() == 0) {
            return Optional.empty();
        }
        return Optional.of(top.get() / bottom.get());
    }
}
