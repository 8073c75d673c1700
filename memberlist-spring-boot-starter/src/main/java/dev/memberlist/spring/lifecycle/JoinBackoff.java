package dev.memberlist.spring.lifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Waits between join attempts: capped exponential backoff with jitter. The wait after the n-th
 * failed attempt is {@code initial * 2^(n-1)}, capped at {@code max}, less a random part of up to
 * half of it, so nodes that start together do not retry in lockstep.
 *
 * @param initial the wait after the first failed attempt, before jitter
 * @param max the longest wait; also how often a joined node checks whether it is alone again
 */
public record JoinBackoff(Duration initial, Duration max) {

    /** Validates the waits. */
    public JoinBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff must not be shorter than the initial backoff: " + max);
        }
    }

    /**
     * @param failures how many attempts in a row failed, at least 1
     * @return the wait before jitter: {@code initial * 2^(failures-1)}, capped at {@link #max}
     */
    public Duration cappedDelay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /**
     * @param failures how many attempts in a row failed, at least 1
     * @param random the source of jitter
     * @return a wait between half of {@link #cappedDelay} and all of it
     */
    public Duration delay(int failures, RandomGenerator random) {
        long nanos = cappedDelay(failures).toNanos();
        return Duration.ofNanos(nanos - random.nextLong(nanos / 2 + 1));
    }
}
