package dev.memberlist.spring.lifecycle;

import dev.memberlist.MemberlistException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SeedJoinerTest {

    private final List<Duration> waits = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    private final Function<Duration, Executor> delays = delay -> task -> {
        waits.add(delay);
        pending.add(task);
    };

    @Test
    void retriesWithADoublingBackoffUntilAnAttemptSucceeds() {
        Attempts attempts = new Attempts(2);
        CompletableFuture<Integer> joined = new SeedJoiner(attempts, List.of("seed:7946"), 5, Duration.ofSeconds(1), delays)
                .start();

        runPending();
        runPending();

        assertThat(joined).isCompletedWithValue(1);
        assertThat(attempts.count).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void failsWithTheLastCauseAfterTheLastAttempt() {
        Attempts attempts = new Attempts(Integer.MAX_VALUE);
        CompletableFuture<Integer> joined = new SeedJoiner(attempts, List.of("seed"), 3, Duration.ofMillis(100), delays)
                .start();

        runPending();
        runPending();

        assertThat(pending).isEmpty();
        assertThat(attempts.count).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(joined).isCompletedExceptionally();
        assertThat(joined.handle((value, failure) -> failure).join()).hasMessage("attempt 3 failed");
    }

    @Test
    void aJoinFunctionThatThrowsCountsAsAFailedAttempt() {
        CompletableFuture<Integer> joined = new SeedJoiner(seeds -> {
            throw new MemberlistException("not started");
        }, List.of("seed"), 1, Duration.ZERO, delays).start();

        assertThat(joined.handle((value, failure) -> failure).join()).hasMessage("not started");
    }

    @Test
    void cancelStopsRetrying() {
        Attempts attempts = new Attempts(Integer.MAX_VALUE);
        SeedJoiner joiner = new SeedJoiner(attempts, List.of("seed"), 5, Duration.ofSeconds(1), delays);
        CompletableFuture<Integer> joined = joiner.start();

        joiner.cancel();
        runPending();

        assertThat(attempts.count).isEqualTo(1);
        assertThat(joined).isCompletedExceptionally();
    }

    private void runPending() {
        List<Runnable> tasks = new ArrayList<>(pending);
        pending.clear();
        tasks.forEach(Runnable::run);
    }

    /** Fails a given number of attempts, then reaches one address. */
    private static final class Attempts implements Function<List<String>, CompletionStage<Integer>> {

        private final int failures;
        private int count;

        Attempts(int failures) {
            this.failures = failures;
        }

        @Override
        public CompletionStage<Integer> apply(List<String> seeds) {
            count++;
            return count <= failures
                    ? CompletableFuture.failedFuture(new CompletionException(new MemberlistException("attempt " + count + " failed")))
                    : CompletableFuture.completedFuture(1);
        }
    }
}
