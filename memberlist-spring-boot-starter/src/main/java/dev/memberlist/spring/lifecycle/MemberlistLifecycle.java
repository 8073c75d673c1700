package dev.memberlist.spring.lifecycle;

import dev.memberlist.Memberlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Joins the seeds in the background once the application context is refreshed (starting the
 * {@link Memberlist} bean if {@link MemberlistNodeLifecycle} did not); on stop, leaves gracefully.
 * The node keeps running until {@link MemberlistNodeLifecycle} shuts it down.
 *
 * <p>Runs in phase {@link #PHASE}: after the web server started (so peers that learn about this
 * node can already reach it) and, on shutdown, before Boot's graceful web shutdown, so peers hear
 * the leave while in-flight requests still drain. Starting again after a stop joins again.
 */
public final class MemberlistLifecycle implements SmartLifecycle {
    /** Later than the web server's start and graceful shutdown phases. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger log = LoggerFactory.getLogger(MemberlistLifecycle.class);

    private final Memberlist memberlist;
    private final List<String> seeds;
    private final boolean joinOnStart;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration leaveTimeout;
    private volatile SeedJoiner joiner;
    private volatile JoinState joinState = JoinState.NOT_STARTED;
    private volatile boolean running;

    /**
     * @param memberlist the node, started by {@link #start()} unless it already is
     * @param seeds the seeds to join
     * @param joinOnStart whether to join the seeds on start
     * @param maxAttempts how many times to try the join
     * @param backoff the wait before the first retry; it doubles after each failed attempt
     * @param leaveTimeout the longest wait for the leave to spread on stop
     */
    public MemberlistLifecycle(Memberlist memberlist, List<String> seeds, boolean joinOnStart, int maxAttempts,
                               Duration backoff, Duration leaveTimeout) {
        this.memberlist = memberlist;
        this.seeds = List.copyOf(seeds);
        this.joinOnStart = joinOnStart;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.leaveTimeout = leaveTimeout;
        this.joiner = newJoiner();
    }

    /** @return where the join of the seeds stands */
    public JoinState joinState() {
        return joinState;
    }

    /**
     * Starts the node (binding its address) and starts joining the seeds without waiting for it.
     *
     * @throws dev.memberlist.MemberlistException when the node cannot start
     */
    @Override
    public void start() {
        memberlist.start();
        running = true;
        if (!joinOnStart || seeds.isEmpty()) {
            joinState = JoinState.NOT_REQUESTED;
            log.info("Memberlist node {} started alone", memberlist.config().name());
            return;
        }
        joinState = JoinState.JOINING;
        log.info("Memberlist node {} started; joining {}", memberlist.config().name(), seeds);
        SeedJoiner current = newJoiner();
        joiner = current;
        current.start().whenComplete((reached, failure) -> {
            if (joiner != current) {
                return; // a join of a run stopped since: the new run's joiner owns the state
            }
            if (failure == null) {
                joinState = JoinState.JOINED;
                log.info("Joined the cluster through {} seed address(es); {} members", reached, memberlist.numMembers());
            } else if (running) {
                joinState = JoinState.FAILED;
                log.warn("Could not join any of the seeds {}; running alone until another node joins: {}", seeds,
                        failure.getMessage());
            }
        });
    }

    private SeedJoiner newJoiner() {
        return new SeedJoiner(memberlist::join, seeds, maxAttempts, backoff);
    }

    /** Leaves, blocking until done. */
    @Override
    public void stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        stop(() -> stopped.complete(null));
        stopped.join();
    }

    /**
     * Leaves gracefully, waiting at most the leave timeout for the leave to spread.
     *
     * @param callback told when the leave has spread or timed out
     */
    @Override
    public void stop(Runnable callback) {
        running = false;
        joiner.cancel();
        if (!memberlist.isStarted() || memberlist.isShutdown() || memberlist.hasLeft()) {
            callback.run();
            return;
        }
        // The engine's own leave timer cannot fire if its thread is stuck; the shutdown phase must still end.
        memberlist.leave(leaveTimeout).orTimeout(leaveTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("Leaving the cluster did not complete within {}: {}", leaveTimeout, failure.toString());
                    }
                    callback.run();
                });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
