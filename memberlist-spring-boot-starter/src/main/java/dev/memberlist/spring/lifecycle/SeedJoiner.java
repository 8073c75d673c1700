package dev.memberlist.spring.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Joins seeds, retrying with a doubling backoff. Runs without a thread of its own: attempts go
 * through the join function and the waits through a delayed executor.
 */
final class SeedJoiner {

    private static final Logger log = LoggerFactory.getLogger(SeedJoiner.class);

    private final Function<List<String>, CompletionStage<Integer>> join;
    private final List<String> seeds;
    private final int maxAttempts;
    private final Duration backoff;
    private final Function<Duration, Executor> delays;
    private volatile boolean cancelled;

    SeedJoiner(Function<List<String>, CompletionStage<Integer>> join, List<String> seeds, int maxAttempts,
               Duration backoff) {
        this(join, seeds, maxAttempts, backoff,
                delay -> CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    SeedJoiner(Function<List<String>, CompletionStage<Integer>> join, List<String> seeds, int maxAttempts,
               Duration backoff, Function<Duration, Executor> delays) {
        this.join = join;
        this.seeds = List.copyOf(seeds);
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.delays = delays;
    }

    /**
     * @return how many seed addresses the successful attempt reached; fails with the last
     *     attempt's cause when every attempt failed, or when cancelled
     */
    CompletableFuture<Integer> start() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        attempt(1, backoff, result);
        return result;
    }

    /** Stops retrying; an attempt under way still ends. */
    void cancel() {
        cancelled = true;
    }

    private void attempt(int attempt, Duration nextDelay, CompletableFuture<Integer> result) {
        if (cancelled) {
            result.completeExceptionally(new IllegalStateException("join cancelled"));
            return;
        }
        CompletionStage<Integer> joined;
        try {
            joined = join.apply(seeds);
        } catch (RuntimeException e) {
            joined = CompletableFuture.failedFuture(e);
        }
        joined.whenComplete((reached, error) -> {
            Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (failure == null) {
                result.complete(reached);
            } else if (attempt >= maxAttempts || cancelled) {
                result.completeExceptionally(failure);
            } else {
                log.info("Join attempt {} of {} to {} failed ({}); retrying in {}", attempt, maxAttempts, seeds,
                        failure.getMessage(), nextDelay);
                delays.apply(nextDelay).execute(() -> attempt(attempt + 1, nextDelay.multipliedBy(2), result));
            }
        });
    }
}
