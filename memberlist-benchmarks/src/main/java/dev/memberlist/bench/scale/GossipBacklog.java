package dev.memberlist.bench.scale;

import dev.memberlist.Telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * The broadcast queue depth of every simulated node, from each node's periodic
 * {@link Telemetry#broadcastQueueDepth} sample: how much gossip the cluster still has to send.
 * After a fast rollout every node queues one alive message per node it learned, and sends each
 * {@code RetransmitMult × log10(N)} times, so this backlog outlives convergence by minutes.
 * Single-threaded, like the simulation.
 */
final class GossipBacklog {

    private final List<Sample> nodes = new ArrayList<>();

    /** @return the telemetry of one more node */
    Telemetry newNode() {
        Sample sample = new Sample();
        nodes.add(sample);
        return sample;
    }

    /** @return the mean of the nodes' last samples */
    long meanDepth() {
        long total = 0;
        for (Sample node : nodes) {
            total += node.depth;
        }
        return nodes.isEmpty() ? 0 : total / nodes.size();
    }

    private static final class Sample implements Telemetry {
        private int depth;

        @Override
        public void broadcastQueueDepth(int value) {
            depth = value;
        }
    }
}
