package dev.memberlist.spring.lifecycle;

import dev.memberlist.MemberlistException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Joins on virtual time: waits are recorded and the test runs each pending step by hand. */
class SeedJoinerTest {

    private static final JoinBackoff BACKOFF = new JoinBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final List<Duration> waits = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    private final Function<Duration, Executor> delays = delay -> task -> {
        waits.add(delay);
        pending.add(task);
    };
    private final RecordingJoinListener listener = new RecordingJoinListener();
    private final FakeCluster cluster = new FakeCluster();

    @Test
    void neverGivesUpAndWaitsACappedJitteredBackoffBetweenAttempts() {
        SeedJoiner joiner = joiner(List.of("seed"));
        joiner.start(cluster);

        for (int i = 0; i < 30; i++) {
            runPending();
        }

        assertThat(cluster.attempts).isEqualTo(31);
        assertThat(joiner.state()).isEqualTo(JoinState.JOINING);
        assertThat(listener.calls).hasSize(31).allMatch(call -> call.startsWith("failed"));
        assertThat(listener.calls.get(30)).isEqualTo("failed 31: no seed of [seed] resolved");
        List<Duration> caps = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        for (int i = 0; i < waits.size(); i++) {
            Duration cap = caps.get(Math.min(i, caps.size() - 1));
            assertThat(waits.get(i)).as("wait %d", i + 1).isBetween(cap.dividedBy(2), cap);
        }
        assertThat(waits.subList(3, waits.size())).as("jitter spreads the waits at the cap").doesNotHaveDuplicates();
    }

    @Test
    void resolvesTheSeedsAgainOnEveryAttemptAndJoinsOnceTheyAnswer() {
        SeedJoiner joiner = joiner(List.of("late.example"));
        joiner.start(cluster);
        runPending();

        cluster.answering = 2;
        runPending();

        assertThat(joiner.state()).isEqualTo(JoinState.JOINED);
        assertThat(cluster.joinedSeeds).containsExactly(List.of("late.example"), List.of("late.example"),
                List.of("late.example"));
        assertThat(listener.calls).containsExactly("failed 1: no seed of [late.example] resolved",
                "failed 2: no seed of [late.example] resolved", "succeeded 3 reaching 2");
    }

    @Test
    void anAttemptThatReachesOnlyThisNodeFailsAndTheNodeKeepsLooking() {
        cluster.answering = 1;
        cluster.othersJoinOnSuccess = false;
        SeedJoiner joiner = joiner(List.of("headless-service"));

        joiner.start(cluster);

        assertThat(joiner.state()).isEqualTo(JoinState.JOINING);
        assertThat(listener.calls).containsExactly("failed 1: only this node answered at the seeds [headless-service]");
        assertThat(pending).hasSize(1);
    }

    @Test
    void aJoinedNodeThatFindsItselfAloneStartsLookingAgainWithAFreshBackoff() {
        cluster.answering = 1;
        SeedJoiner joiner = joiner(List.of("seed"));
        joiner.start(cluster);
        assertThat(joiner.state()).isEqualTo(JoinState.JOINED);
        assertThat(waits).containsExactly(BACKOFF.max());

        runPending();
        assertThat(joiner.state()).as("still not alone").isEqualTo(JoinState.JOINED);

        cluster.others = 0;
        cluster.answering = 0;
        runPending();

        assertThat(joiner.state()).isEqualTo(JoinState.JOINING);
        assertThat(listener.calls).containsExactly("succeeded 1 reaching 1", "failed 1: no seed of [seed] resolved");
        assertThat(waits.get(waits.size() - 1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aNodeThatAnotherNodeJoinedStopsLookingWithoutAnAttempt() {
        SeedJoiner joiner = joiner(List.of("seed"));
        joiner.start(cluster);

        cluster.others = 1;
        runPending();

        assertThat(cluster.attempts).isEqualTo(1);
        assertThat(joiner.state()).isEqualTo(JoinState.JOINED);
        assertThat(listener.calls).containsExactly("failed 1: no seed of [seed] resolved");
    }

    @Test
    void aJoinThatThrowsCountsAsAFailedAttempt() {
        SeedJoiner joiner = joiner(List.of("seed"));

        joiner.start(new FakeCluster() {
            @Override
            public CompletionStage<Integer> join(List<String> seeds) {
                throw new MemberlistException("not started");
            }
        });

        assertThat(listener.calls).containsExactly("failed 1: not started");
        assertThat(pending).hasSize(1);
    }

    @Test
    void withoutSeedsNothingIsRequested() {
        SeedJoiner joiner = joiner(List.of());

        joiner.start(cluster);

        assertThat(joiner.state()).isEqualTo(JoinState.NOT_REQUESTED);
        assertThat(cluster.attempts).isZero();
        assertThat(pending).isEmpty();
    }

    @Test
    void stopEndsTheLoopAndStartRunsItAgain() {
        SeedJoiner joiner = joiner(List.of("seed"));
        joiner.start(cluster);

        joiner.stop();
        runPending();

        assertThat(cluster.attempts).isEqualTo(1);
        assertThat(pending).isEmpty();
        assertThat(joiner.state()).isEqualTo(JoinState.NOT_STARTED);

        cluster.answering = 1;
        joiner.start(cluster);

        assertThat(joiner.state()).isEqualTo(JoinState.JOINED);
        assertThat(listener.calls).endsWith("succeeded 1 reaching 1");
    }

    @Test
    void aFailingListenerDoesNotStopTheLoop() {
        SeedJoiner joiner = new SeedJoiner(List.of("seed"), BACKOFF, new JoinListener() {
            @Override
            public void joinSucceeded(int reached, int attempt) {
                throw new IllegalStateException("listener broke");
            }

            @Override
            public void joinFailed(Throwable cause, int attempt) {
                throw new IllegalStateException("listener broke");
            }
        }, delays, new SplittableRandom(1));
        joiner.start(cluster);

        runPending();

        assertThat(cluster.attempts).isEqualTo(2);
        assertThat(pending).hasSize(1);
    }

    private SeedJoiner joiner(List<String> seeds) {
        return new SeedJoiner(seeds, BACKOFF, listener, delays, new SplittableRandom(42));
    }

    private void runPending() {
        List<Runnable> tasks = new ArrayList<>(pending);
        pending.clear();
        tasks.forEach(Runnable::run);
    }

    /**
     * A node whose seeds answer only once {@link #answering} is set: until then the join fails as if
     * no seed resolved. A successful join brings in other members unless told otherwise.
     */
    private static class FakeCluster implements SeedJoiner.Cluster {
        int attempts;
        int answering;
        int others;
        boolean othersJoinOnSuccess = true;
        final List<List<String>> joinedSeeds = new ArrayList<>();

        @Override
        public CompletionStage<Integer> join(List<String> seeds) {
            attempts++;
            joinedSeeds.add(seeds);
            if (answering == 0) {
                return CompletableFuture.failedFuture(new CompletionException(
                        new MemberlistException("no seed of " + seeds + " resolved")));
            }
            if (othersJoinOnSuccess) {
                others = answering;
            }
            return CompletableFuture.completedFuture(answering);
        }

        @Override
        public boolean alone() {
            return others == 0;
        }
    }
}
