package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.NodeState;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.state.NodeTable;
import dev.memberlist.wire.Dead;
import dev.memberlist.wire.Message;

import java.util.List;

/**
 * Gossip rounds (Go's {@code gossip}): each round sends the queued broadcasts to a few random live,
 * suspect or recently dead nodes, one packet each. Rounds run every gossip interval, as in Go, and,
 * when {@link MemberlistConfig#eagerGossip()} is on, also as soon as news is queued on a node that
 * has sent no gossip for a whole interval: the first hop of news (a leave, a suspicion, a refutation,
 * a verdict, new metadata) then costs no wait for the next tick, while a node still sends at most one
 * extra round per quiet spell, and one per leave. The broadcasts of a push/pull merge are not news of
 * the moment and wait for the round, as in Go (see {@link EngineListener#merging}). Engine thread only.
 */
final class GossipRounds {

    private final MemberlistConfig config;
    private final EngineSeams seams;
    private final NodeTable table;
    private final Outbound outbound;
    private final long intervalNanos;
    /** Whether rounds also run as soon as news is queued: eager gossip on, and gossip enabled at all. */
    private final boolean eager;
    private long lastSentNanos;
    private boolean sentAny;
    private boolean eagerRoundScheduled;
    private boolean stopped;

    GossipRounds(MemberlistConfig config, EngineSeams seams, NodeTable table, Outbound outbound) {
        this.config = config;
        this.seams = seams;
        this.table = table;
        this.outbound = outbound;
        this.intervalNanos = config.gossipInterval().toNanos();
        this.eager = config.eagerGossip() && enabled();
    }

    /** @return whether gossip runs at all (an interval and at least one node per round) */
    boolean enabled() {
        return !config.gossipInterval().isZero() && config.gossipNodes() > 0;
    }

    /** Sends one round: the queued broadcasts to {@code gossipNodes} random nodes, while any are left. */
    void round() {
        if (stopped) {
            return;
        }
        long now = seams.clock().nanoTime();
        long deadGossipNanos = config.gossipToTheDeadTime().toNanos();
        List<NodeRecord> targets = table.randomNodes(config.gossipNodes(), r -> r.name().equals(config.name())
                || r.state() == NodeState.LEFT
                || (r.state() == NodeState.DEAD && now - r.stateChangeNanos() > deadGossipNanos), seams.random());
        for (NodeRecord target : targets) {
            if (!outbound.sendGossip(Addresses.of(target), target.versions().protocolMax() >= 5)) {
                return;
            }
            lastSentNanos = now;
            sentAny = true;
        }
    }

    /**
     * A broadcast was queued. With eager gossip on and no gossip sent for a whole interval, a round
     * runs as soon as the current engine task ends, so that all the news of one task (a packet of
     * several messages, say) travels in one round. A leave, the local node's or one heard of, goes out
     * at once even right after other gossip: a node leaves once, so each node spends at most one extra
     * round on each leave, and the others stop probing the node that left sooner.
     *
     * @param message the queued message
     */
    void newsQueued(Message message) {
        if (!eager || stopped || eagerRoundScheduled) {
            return;
        }
        boolean aLeave = message instanceof Dead dead && dead.node().equals(dead.from());
        if (!aLeave && sentAny && seams.clock().nanoTime() - lastSentNanos < intervalNanos) {
            return;
        }
        eagerRoundScheduled = true;
        seams.scheduler().execute(() -> {
            eagerRoundScheduled = false;
            round();
        });
    }

    /** Runs no more rounds (shutdown). */
    void stop() {
        stopped = true;
    }
}
