package dev.memberlist.bench.sidebyside;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one run of one implementation: a value, or why there is none ("not converged in
 * 120 s"). Figures that a run did not measure are absent. Not thread-safe; one runner fills it.
 */
final class RunFigures {

    private final Map<Figure, Double> values = new EnumMap<>(Figure.class);
    private final Map<Figure, String> failures = new EnumMap<>(Figure.class);
    private final List<String> notes = new ArrayList<>();

    /**
     * @param figure what was measured
     * @param value the value, in the figure's unit
     */
    void put(Figure figure, double value) {
        values.put(figure, value);
        failures.remove(figure);
    }

    /**
     * @param figure what could not be measured
     * @param why a short reason, e.g. "not converged in 120 s"
     */
    void fail(Figure figure, String why) {
        failures.put(figure, why);
        values.remove(figure);
    }

    /** @return the value, if measured */
    Optional<Double> value(Figure figure) {
        return Optional.ofNullable(values.get(figure));
    }

    /** @return why the figure has no value, if it was attempted and failed */
    Optional<String> failure(Figure figure) {
        return Optional.ofNullable(failures.get(figure));
    }

    /** @param note something a node reported that explains a figure, e.g. its {@code error} event */
    void note(String note) {
        notes.add(note);
    }

    /** @return the notes, in order */
    List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public String toString() {
        return "values " + values + ", failures " + failures + (notes.isEmpty() ? "" : ", notes " + notes);
    }
}
