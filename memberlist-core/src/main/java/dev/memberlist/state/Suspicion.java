package dev.memberlist.state;

import dev.memberlist.engine.Cancellable;
import dev.memberlist.engine.Scheduler;
import dev.memberlist.internal.ClusterMath;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Lifeguard's dynamic suspicion timer for one suspected node (Go's {@code suspicion}). It starts at
 * the maximum timeout when confirmations are expected ({@code k ≥ 1}) and shrinks towards the
 * minimum, logarithmically, as independent nodes confirm the suspicion. Engine thread only.
 */
final class Suspicion {

    private final int k;
    private final long minNanos;
    private final long maxNanos;
    private final long startNanos;
    private final Scheduler scheduler;
    private final Runnable fire;
    private final Set<String> confirmers = new HashSet<>();
    private int confirmations;
    private Cancellable timer;

    /**
     * Starts the timer.
     *
     * @param from the first accuser, recorded so it cannot confirm its own accusation
     * @param k confirmations expected
     * @param minNanos the timeout with {@code k} confirmations
     * @param maxNanos the timeout with none
     * @param startNanos engine time now
     * @param scheduler runs the timer
     * @param onTimeout told the number of confirmations when the timer fires
     */
    Suspicion(String from, int k, long minNanos, long maxNanos, long startNanos, Scheduler scheduler, IntConsumer onTimeout) {
        this.k = k;
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.startNanos = startNanos;
        this.scheduler = scheduler;
        this.fire = () -> onTimeout.accept(confirmations);
        confirmers.add(from);
        timer = scheduler.schedule(Duration.ofNanos(k < 1 ? minNanos : maxNanos), fire);
    }

    /**
     * Counts a confirmation from a new accuser and shortens the timer.
     *
     * @param from the accuser
     * @param nowNanos engine time now
     * @return whether this was new information (a new accuser while more were expected), which is
     *     worth re-broadcasting
     */
    boolean confirm(String from, long nowNanos) {
        if (confirmations >= k || !confirmers.add(from)) {
            return false;
        }
        confirmations++;
        long remaining = ClusterMath.remainingSuspicionNanos(confirmations, k, nowNanos - startNanos, minNanos, maxNanos);
        timer.cancel();
        timer = remaining > 0 ? scheduler.schedule(Duration.ofNanos(remaining), fire) : immediately();
        return true;
    }

    /** Stops the timer. */
    void cancel() {
        timer.cancel();
    }

    /** @return confirmations expected */
    int expectedConfirmations() {
        return k;
    }

    private Cancellable immediately() {
        boolean[] cancelled = {false};
        scheduler.execute(() -> {
            if (!cancelled[0]) {
                fire.run();
            }
        });
        return () -> cancelled[0] = true;
    }
}
