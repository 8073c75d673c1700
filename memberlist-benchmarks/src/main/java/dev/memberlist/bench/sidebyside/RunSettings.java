package dev.memberlist.bench.sidebyside;

import java.time.Duration;

/**
 * How long the runner waits and measures.
 *
 * @param readyTimeout the longest wait for processes to print {@code ready}
 * @param convergeTimeout the longest wait for convergence ("not converged in ..." after it)
 * @param detectTimeout the longest wait for a crash or leave to reach every survivor
 * @param warmup the time after convergence before the idle window
 * @param window the idle window; zero skips the idle measurement
 */
record RunSettings(Duration readyTimeout, Duration convergeTimeout, Duration detectTimeout, Duration warmup,
                   Duration window) {

    /** @return each node's {@code -lifetime}: longer than everything one cluster can wait for, with room to spare */
    Duration lifetime() {
        return readyTimeout.plus(convergeTimeout).plus(warmup).plus(window).plus(detectTimeout.multipliedBy(2))
                .plusMinutes(2);
    }

    /** @return whether the idle window is measured */
    boolean measuresIdle() {
        return !window.isZero();
    }
}
