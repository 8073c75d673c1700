package dev.memberlist.spring.lifecycle;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Joins the seeds and never gives up: while the node is alone (it knows no other live member) it
 * tries again after a {@link JoinBackoff}, each attempt resolving the seeds anew (a DNS name of a
 * headless service lists the pods that exist by then); once joined, it checks every
 * {@link JoinBackoff#max() max backoff} whether the node is alone again and, if so, starts looking
 * again. An attempt that reaches only this node itself (the seed lists it) counts as failed.
 *
 * <p>Runs without a thread of its own: attempts go through the node and the waits through a
 * delayed executor. One step runs at a time.
 */
public final class SeedJoiner {

    private static final Logger log = LoggerFactory.getLogger(SeedJoiner.class);

    /** Failed attempts are logged at info on the first and every this many, at debug otherwise. */
    private static final int LOG_EVERY = 10;

    private final List<String> seeds;
    private final JoinBackoff backoff;
    private final JoinListener listener;
    private final Function<Duration, Executor> delays;
    private final RandomGenerator random;
    private volatile JoinState state = JoinState.NOT_STARTED;
    private @Nullable Run run;

    /**
     * @param seeds the seeds to join; none means the node runs alone and never looks
     * @param backoff the waits between attempts
     * @param listener told how each attempt ended
     */
    public SeedJoiner(List<String> seeds, JoinBackoff backoff, JoinListener listener) {
        this(seeds, backoff, listener, delay -> CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS),
                new SplittableRandom());
    }

    SeedJoiner(List<String> seeds, JoinBackoff backoff, JoinListener listener, Function<Duration, Executor> delays,
               RandomGenerator random) {
        this.seeds = List.copyOf(seeds);
        this.backoff = backoff;
        this.listener = listener;
        this.delays = delays;
        this.random = random;
    }

    /** @return the seeds this joiner looks for */
    public List<String> seeds() {
        return seeds;
    }

    /** @return where the join stands */
    public JoinState state() {
        return state;
    }

    /**
     * Starts looking for the seeds of a started node, without waiting; ends a previous run first.
     *
     * @param memberlist the node
     */
    public void start(Memberlist memberlist) {
        start(new Cluster() {
            @Override
            public CompletionStage<Integer> join(List<String> seeds) {
                return memberlist.join(seeds);
            }

            @Override
            public boolean alone() {
                return memberlist.numMembers() <= 1;
            }
        });
    }

    synchronized void start(Cluster cluster) {
        stop();
        if (seeds.isEmpty()) {
            state = JoinState.NOT_REQUESTED;
            return;
        }
        state = JoinState.JOINING;
        Run started = new Run(cluster);
        run = started;
        started.look();
    }

    /** Stops looking; an attempt under way still ends, but nothing follows it. */
    public synchronized void stop() {
        run = null;
        state = JoinState.NOT_STARTED;
    }

    private synchronized boolean isCurrent(Run candidate) {
        return run == candidate;
    }

    private synchronized boolean transition(Run from, JoinState to) {
        if (run != from) {
            return false;
        }
        state = to;
        return true;
    }

    /** What the joiner works on: a node, or a stand-in in tests. */
    interface Cluster {
        CompletionStage<Integer> join(List<String> seeds);

        boolean alone();
    }

    /** One run, from start to stop; only one of its steps runs at a time, so its counters need no lock. */
    private final class Run {
        private final Cluster cluster;
        private int attempt;
        private int failures;

        Run(Cluster cluster) {
            this.cluster = cluster;
        }

        void look() {
            if (!isCurrent(this)) {
                return;
            }
            if (!cluster.alone()) {
                if (transition(this, JoinState.JOINED)) {
                    log.info("Another node joined this one; no longer looking for the seeds {}", seeds);
                    joined();
                }
                return;
            }
            int number = ++attempt;
            CompletionStage<Integer> joining;
            try {
                joining = cluster.join(seeds);
            } catch (RuntimeException ex) {
                joining = CompletableFuture.failedFuture(ex);
            }
            joining.whenComplete((reached, error) -> attempted(number, reached, error));
        }

        private void attempted(int number, @Nullable Integer reached, @Nullable Throwable error) {
            Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (failure == null && cluster.alone()) {
                failure = new MemberlistException("only this node answered at the seeds " + seeds);
            }
            if (failure == null) {
                int answered = reached == null ? 0 : reached;
                if (transition(this, JoinState.JOINED)) {
                    log.info("Joined the cluster on attempt {}: {} seed address(es) answered", number, answered);
                    joined();
                    notify(() -> listener.joinSucceeded(answered, number));
                }
                return;
            }
            if (!isCurrent(this)) {
                return;
            }
            failures++;
            Duration wait = backoff.delay(failures, random);
            if (number == 1 || number % LOG_EVERY == 0) {
                log.info("Join attempt {} to {} failed ({}); still alone, trying again in {}", number, seeds,
                        failure.getMessage(), wait);
            } else {
                log.debug("Join attempt {} to {} failed ({}); trying again in {}", number, seeds, failure.getMessage(), wait);
            }
            Throwable cause = failure;
            notify(() -> listener.joinFailed(cause, number));
            later(wait, this::look);
        }

        private void joined() {
            attempt = 0;
            failures = 0;
            later(backoff.max(), this::watch);
        }

        private void watch() {
            if (!isCurrent(this)) {
                return;
            }
            if (cluster.alone()) {
                if (transition(this, JoinState.JOINING)) {
                    log.info("This node is alone again; looking for the seeds {}", seeds);
                    look();
                }
            } else {
                later(backoff.max(), this::watch);
            }
        }

        private void later(Duration wait, Runnable step) {
            delays.apply(wait).execute(step);
        }

        private void notify(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException ex) {
                log.warn("A join listener failed", ex);
            }
        }
    }
}
