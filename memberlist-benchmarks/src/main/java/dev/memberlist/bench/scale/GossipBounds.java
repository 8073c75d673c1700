package dev.memberlist.bench.scale;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.internal.ClusterMath;

import java.time.Duration;

/**
 * The O(log N) times that memberlist's own formulas promise for a cluster of {@code n} nodes
 * (PROTOCOL.md §11.5 and §11.9), to set the measured times against.
 *
 * <ul>
 * <li>Dissemination: a broadcast is sent {@code retransmitMult × ceil(log10(n + 1))} times, to
 * {@code gossipNodes} nodes per gossip interval, so a node has passed it on within
 * {@code ceil(limit / gossipNodes)} gossip intervals of learning it.</li>
 * <li>Suspicion: a suspect is declared dead after at least
 * {@code suspicionMult × log10(n) × probeInterval} (the minimum, reached once enough peers confirm).</li>
 * <li>Death spread: about one probe interval until some node probes the dead one (every node
 * probes one node per interval), one more for its failed probe round, the suspicion minimum, then
 * dissemination of the dead message.</li>
 * </ul>
 *
 * @param retransmitLimit transmissions per broadcast
 * @param dissemination the time to pass a broadcast on
 * @param suspicion the minimum suspicion timeout
 * @param deathSpread the expected time from a crash until every node has it dead
 */
record GossipBounds(int retransmitLimit, Duration dissemination, Duration suspicion, Duration deathSpread) {

    /**
     * @param config the nodes' configuration
     * @param n the cluster size
     * @return the bounds
     */
    static GossipBounds of(MemberlistConfig config, int n) {
        int limit = ClusterMath.retransmitLimit(config.retransmitMult(), n);
        int rounds = (limit + config.gossipNodes() - 1) / config.gossipNodes();
        Duration dissemination = config.gossipInterval().multipliedBy(rounds);
        Duration suspicion = Duration.ofNanos(ClusterMath.suspicionTimeoutNanos(config.suspicionMult(), n,
                config.probeInterval().toNanos()));
        Duration deathSpread = config.probeInterval().multipliedBy(2).plus(suspicion).plus(dissemination);
        return new GossipBounds(limit, dissemination, suspicion, deathSpread);
    }
}
