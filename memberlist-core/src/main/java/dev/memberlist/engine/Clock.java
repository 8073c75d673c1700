package dev.memberlist.engine;

/**
 * Monotonic time, the engine's only source of "now". Production uses {@code dev.memberlist.SystemClock};
 * simulations use virtual time.
 */
@FunctionalInterface
public interface Clock {

    /** @return monotonic nanoseconds; only differences are meaningful */
    long nanoTime();
}
