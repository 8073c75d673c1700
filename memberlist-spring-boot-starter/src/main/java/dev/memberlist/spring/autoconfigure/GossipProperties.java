package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * Piggybacked broadcasts ({@code memberlist.gossip.*}).
 */
public class GossipProperties {

    /** Period of gossip rounds; zero turns gossip off. */
    private @Nullable Duration interval;

    /** Number of nodes each gossip round sends to, 0 to 1024. */
    private @Nullable Integer nodes;

    /** Multiplier of the number of times a broadcast is sent, 1 to 1024: multiplier * ceil(log10(n + 1)). */
    private @Nullable Integer retransmitMultiplier;

    /** Time dead nodes still get gossip, and dead and left nodes are remembered. */
    private @Nullable Duration toTheDeadTime;

    /**
     * Whether a node that has sent no gossip for a whole interval sends news at once rather than at
     * its next round (default true; false keeps Go's timing).
     */
    private @Nullable Boolean eager;

    /** Period of broadcast queue depth reports; must be positive. */
    private @Nullable Duration queueCheckInterval;

    public @Nullable Duration getInterval() {
        return interval;
    }

    public void setInterval(@Nullable Duration interval) {
        this.interval = interval;
    }

    public @Nullable Integer getNodes() {
        return nodes;
    }

    public void setNodes(@Nullable Integer nodes) {
        this.nodes = nodes;
    }

    public @Nullable Integer getRetransmitMultiplier() {
        return retransmitMultiplier;
    }

    public void setRetransmitMultiplier(@Nullable Integer retransmitMultiplier) {
        this.retransmitMultiplier = retransmitMultiplier;
    }

    public @Nullable Duration getToTheDeadTime() {
        return toTheDeadTime;
    }

    public void setToTheDeadTime(@Nullable Duration toTheDeadTime) {
        this.toTheDeadTime = toTheDeadTime;
    }

    public @Nullable Boolean getEager() {
        return eager;
    }

    public void setEager(@Nullable Boolean eager) {
        this.eager = eager;
    }

    public @Nullable Duration getQueueCheckInterval() {
        return queueCheckInterval;
    }

    public void setQueueCheckInterval(@Nullable Duration queueCheckInterval) {
        this.queueCheckInterval = queueCheckInterval;
    }
}
