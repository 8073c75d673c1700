package dev.memberlist.bench.streams;

import java.util.Arrays;

/**
 * Latencies of one series.
 *
 * @param medianNanos the median
 * @param p99Nanos the 99th percentile (nearest rank)
 */
record LatencySummary(long medianNanos, long p99Nanos) {

    static LatencySummary of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
