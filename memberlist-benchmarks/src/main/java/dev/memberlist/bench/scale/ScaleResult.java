package dev.memberlist.bench.scale;

import java.time.Duration;
import java.util.Optional;

/**
 * What one run of the harness measured. Times named {@code virtual} are on the simulation's
 * clock; {@code wall} times are real.
 *
 * @param nodes the cluster size
 * @param start how the nodes came together
 * @param waves how many join waves the rollout took (0 for a converged start)
 * @param convergeVirtual from the first join until every node saw all N alive; empty for a converged
 *     start or if that never happened
 * @param convergeAfterRampVirtual from the last wave's joins until every node saw all N alive
 * @param steadyVirtual the length of the steady run
 * @param steadyWall the real time the steady run took
 * @param steadyCpu the CPU time the JVM used in the steady run, all threads
 * @param backlogBefore broadcasts queued per node (mean) when the steady run started
 * @param backlogAfter broadcasts queued per node (mean) when it ended
 * @param packetsPerVirtualSecond datagrams sent per virtual second in the steady run
 * @param heapBytesPerMember heap in use after a full GC, less the heap before the cluster, over N
 * @param joinSpreadVirtual from the start of one more node's join until every node knew it; empty if
 *     not within the limit
 * @param deathSpreadVirtual from the crash of one node until every other node had it dead; empty if not
 *     within the limit
 * @param falseDeaths how often a live node was declared dead, over the whole run
 * @param bounds the O(log N) bounds for N
 * @param totalWall the real time of the whole run
 */
record ScaleResult(int nodes, ClusterStart start, int waves, Optional<Duration> convergeVirtual,
                   Optional<Duration> convergeAfterRampVirtual, Duration steadyVirtual, Duration steadyWall,
                   Duration steadyCpu, long backlogBefore, long backlogAfter, long packetsPerVirtualSecond,
                   long heapBytesPerMember, Optional<Duration> joinSpreadVirtual, Optional<Duration> deathSpreadVirtual, int falseDeaths,
                   GossipBounds bounds, Duration totalWall) {

    /** @return wall seconds per virtual second in the steady run */
    double wallPerVirtualSecond() {
        return perVirtualSecond(steadyWall);
    }

    /** @return CPU seconds per virtual second in the steady run */
    double cpuPerVirtualSecond() {
        return perVirtualSecond(steadyCpu);
    }

    private double perVirtualSecond(Duration real) {
        return steadyVirtual.isZero() ? 0 : (double) real.toNanos() / steadyVirtual.toNanos();
    }
}
