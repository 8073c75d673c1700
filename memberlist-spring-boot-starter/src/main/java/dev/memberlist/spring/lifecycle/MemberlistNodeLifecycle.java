package dev.memberlist.spring.lifecycle;

import dev.memberlist.Memberlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Memberlist} node itself: starts it (binding its port) before the web server
 * starts, and shuts it down (closing its transport) after the web server stopped, so that peers
 * still reach this node while {@link MemberlistLifecycle} leaves and in-flight requests drain.
 *
 * <p>Starting after a stop starts a new node (see {@link Memberlist#prepareRestartable}), so the
 * application context can be stopped and started again, as Spring's checkpoint and restore
 * support (CRaC) does.
 */
public final class MemberlistNodeLifecycle implements SmartLifecycle {
    /**
     * Before the web server starts ({@code WebServerStartStopLifecycle}, {@code DEFAULT_PHASE - 2048})
     * and so stopped after it.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

    private static final Logger log = LoggerFactory.getLogger(MemberlistNodeLifecycle.class);

    private final Memberlist memberlist;
    private volatile boolean running;

    /**
     * @param memberlist the node; restartable when the context may stop and start again
     */
    public MemberlistNodeLifecycle(Memberlist memberlist) {
        this.memberlist = memberlist;
    }

    /**
     * Starts the node, or a new one after a stop.
     *
     * @throws dev.memberlist.MemberlistException when the node cannot start, for instance because
     *     its port is in use
     */
    @Override
    public void start() {
        memberlist.start();
        running = true;
        log.debug("Memberlist node {} runs", memberlist.config().name());
    }

    /** Shuts the node down and closes its transport. */
    @Override
    public void stop() {
        running = false;
        memberlist.shutdown();
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
