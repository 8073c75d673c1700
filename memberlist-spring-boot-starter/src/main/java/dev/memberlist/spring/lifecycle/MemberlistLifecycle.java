package dev.memberlist.spring.lifecycle;

import dev.memberlist.Memberlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Looks for the seeds in the background once the application context is refreshed (starting the
 * {@link Memberlist} bean if {@link MemberlistNodeLifecycle} did not), through a {@link SeedJoiner}
 * that never gives up while the node is alone; on stop, stops looking and leaves gracefully. The
 * node keeps running until {@link MemberlistNodeLifecycle} shuts it down.
 *
 * <p>Runs in phase {@link #PHASE}: after the web server started (so peers that learn about this
 * node can already reach it) and, on shutdown, before Boot's graceful web shutdown, so peers hear
 * the leave while in-flight requests still drain. Starting again after a stop looks for the seeds
 * again.
 */
public final class MemberlistLifecycle implements SmartLifecycle {
    /** Later than the web server's start and graceful shutdown phases. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger log = LoggerFactory.getLogger(MemberlistLifecycle.class);

    private final Memberlist memberlist;
    private final SeedJoiner joiner;
    private final Duration leaveTimeout;
    private volatile boolean running;

    /**
     * @param memberlist the node, started by {@link #start()} unless it already is
     * @param joiner joins the seeds once the node started, and keeps it looking for them while alone
     * @param leaveTimeout the longest wait for the leave to spread on stop
     */
    public MemberlistLifecycle(Memberlist memberlist, SeedJoiner joiner, Duration leaveTimeout) {
        this.memberlist = memberlist;
        this.joiner = joiner;
        this.leaveTimeout = leaveTimeout;
    }

    /** @return where the join of the seeds stands */
    public JoinState joinState() {
        return joiner.state();
    }

    /**
     * Starts the node (binding its address) and starts looking for the seeds without waiting.
     *
     * @throws dev.memberlist.MemberlistException when the node cannot start
     */
    @Override
    public void start() {
        memberlist.start();
        running = true;
        if (joiner.seeds().isEmpty()) {
            log.info("Memberlist node {} started alone", memberlist.config().name());
        } else {
            log.info("Memberlist node {} started; joining {}", memberlist.config().name(), joiner.seeds());
        }
        joiner.start(memberlist);
    }

    /** Leaves, blocking until done. */
    @Override
    public void stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        stop(() -> stopped.complete(null));
        stopped.join();
    }

    /**
     * Stops looking for the seeds and leaves gracefully, waiting at most the leave timeout for the
     * leave to spread.
     *
     * @param callback told when the leave has spread or timed out
     */
    @Override
    public void stop(Runnable callback) {
        running = false;
        joiner.stop();
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
