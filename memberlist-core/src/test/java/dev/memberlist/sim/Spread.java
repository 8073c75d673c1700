package dev.memberlist.sim;

import java.time.Duration;
import java.util.List;

/**
 * Durations of many runs, summarised.
 *
 * @param sorted the durations, sorted on construction
 */
record Spread(List<Duration> sorted) {

    Spread {
        sorted = sorted.stream().sorted().toList();
    }

    Duration median() {
        return sorted.get(sorted.size() / 2);
    }

    Duration percentile90() {
        return sorted.get(sorted.size() * 9 / 10);
    }

    Duration max() {
        return sorted.get(sorted.size() - 1);
    }

    double shareOver(Duration threshold) {
        return sorted.stream().filter(d -> d.compareTo(threshold) > 0).count() / (double) sorted.size();
    }

    @Override
    public String toString() {
        return String.format("%d runs, median %d ms, 90th percentile %d ms, slowest %d ms, %.0f %% over 2 s",
                sorted.size(), median().toMillis(), percentile90().toMillis(), max().toMillis(),
                100 * shareOver(Duration.ofSeconds(2)));
    }
}
