package dev.memberlist.spring;

import dev.memberlist.Node;
import dev.memberlist.NodeState;

import java.util.Collection;

/**
 * How many known nodes are in each state, the local node included.
 *
 * @param alive nodes answering probes
 * @param suspect nodes suspected of having failed
 * @param dead nodes declared failed, until forgotten
 * @param left nodes that left gracefully, until forgotten
 */
public record MemberCounts(int alive, int suspect, int dead, int left) {

    /**
     * @param nodes every known node, as {@code Memberlist.allNodes()} returns them
     * @return the counts
     */
    public static MemberCounts of(Collection<Node> nodes) {
        int[] counts = new int[NodeState.values().length];
        for (Node node : nodes) {
            counts[node.state().ordinal()]++;
        }
        return new MemberCounts(counts[NodeState.ALIVE.ordinal()], counts[NodeState.SUSPECT.ordinal()],
                counts[NodeState.DEAD.ordinal()], counts[NodeState.LEFT.ordinal()]);
    }

    /**
     * @param state a state
     * @return how many nodes are in it
     */
    public int count(NodeState state) {
        return switch (state) {
            case ALIVE -> alive;
            case SUSPECT -> suspect;
            case DEAD -> dead;
            case LEFT -> left;
        };
    }
}
