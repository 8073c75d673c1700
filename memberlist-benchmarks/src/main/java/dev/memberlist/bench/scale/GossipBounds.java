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
 * probes one node per interval), one more for its failed probe round, the suspicion timeout, then
 * dissemination of the dead message. The timeout shrinks from {@code suspicionMaxTimeoutMult}
 * times the minimum to the minimum as other nodes confirm the suspicion: the estimate takes the
 * minimum (every confirmation arrives), the slowest case the maximum (none does).</li>
 * </ul>
 *
 * @param retransmitLimit transmissions per broadcast
 * @param dissemination the time to pass a broadcast on
 * @param suspicion the minimum suspicion timeout
 * @param deathSpread the expected time from a crash until every node has it dead
 * @param slowestDeathSpread that time when no other node confirms the first suspicion
 */
record GossipBounds(int retransmitLimit, Duration dissemination, Duration suspicion, Duration deathSpread,
                    Duration slowestDeathSpread) {

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
        Duration detectionAndSpread = config.probeInterval().multipliedBy(2).plus(dissemination);
        return new GossipBounds(limit, dissemination, suspicion, detectionAndSpread.plus(suspicion),
                detectionAndSpread.plus(suspicion.multipliedBy(config.suspicionMaxTimeoutMult())));
    }
}
