package dev.memberlist.internal;

/**
 * The formulas that scale memberlist's timers and limits with cluster size, exactly as Go computes
 * them (integer nanoseconds, the same truncations), so Java and Go nodes agree on timings.
 */
public final class ClusterMath {

    /** Push/pull runs at the base interval up to this many nodes. */
    public static final int PUSH_PULL_SCALE_THRESHOLD = 32;

    private ClusterMath() {
    }

    /**
     * The minimum suspicion timeout: {@code mult × max(1, log10(max(1, n))) × interval}, with the
     * node scale truncated to thousandths as Go does.
     *
     * @param suspicionMult the suspicion multiplier
     * @param n the estimated number of nodes
     * @param intervalNanos the probe interval
     * @return the timeout in nanoseconds
     */
    public static long suspicionTimeoutNanos(int suspicionMult, int n, long intervalNanos) {
        double nodeScale = Math.max(1.0, Math.log10(Math.max(1.0, n)));
        long scaleMillis = (long) (nodeScale * 1000);
        return suspicionMult * scaleMillis * intervalNanos / 1000;
    }

    /**
     * How many times a broadcast is transmitted: {@code mult × ceil(log10(n + 1))}.
     *
     * @param retransmitMult the retransmit multiplier
     * @param n the estimated number of nodes
     * @return the transmit limit
     */
    public static int retransmitLimit(int retransmitMult, int n) {
        return retransmitMult * (int) Math.ceil(Math.log10(n + 1.0));
    }

    /**
     * The push/pull period for a cluster size: the base interval up to 32 nodes, then one more
     * interval each time the cluster doubles.
     *
     * @param intervalNanos the base interval
     * @param n the estimated number of nodes
     * @return the period in nanoseconds
     */
    public static long pushPullScaleNanos(long intervalNanos, int n) {
        if (n <= PUSH_PULL_SCALE_THRESHOLD) {
            return intervalNanos;
        }
        double multiplier = Math.ceil(log2(n) - log2(PUSH_PULL_SCALE_THRESHOLD)) + 1.0;
        return (long) multiplier * intervalNanos;
    }

    /**
     * Lifeguard's suspicion timeout after {@code confirmations} independent confirmations out of
     * {@code k} expected: {@code max − (max − min) · log(c + 1) / log(k + 1)}, floored to whole
     * milliseconds and never below {@code min}, minus the time already elapsed.
     *
     * @param confirmations confirmations received so far
     * @param k confirmations expected
     * @param elapsedNanos time since the suspicion started
     * @param minNanos the minimum timeout
     * @param maxNanos the maximum timeout
     * @return the remaining time in nanoseconds; zero or negative means it has expired
     */
    public static long remainingSuspicionNanos(int confirmations, int k, long elapsedNanos, long minNanos, long maxNanos) {
        double fraction = Math.log(confirmations + 1.0) / Math.log(k + 1.0);
        double maxSeconds = maxNanos / 1e9;
        double minSeconds = minNanos / 1e9;
        double raw = maxSeconds - fraction * (maxSeconds - minSeconds);
        long timeoutNanos = (long) Math.floor(1000.0 * raw) * 1_000_000L;
        if (timeoutNanos < minNanos) {
            timeoutNanos = minNanos;
        }
        return timeoutNanos - elapsedNanos;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
