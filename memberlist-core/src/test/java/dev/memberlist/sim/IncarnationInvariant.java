package dev.memberlist.sim;

import dev.memberlist.Memberlist;
import dev.memberlist.Node;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks, after each task of a node, two SWIM invariants on that node's view: an incarnation it
 * holds never decreases while it remembers the node, and no node holds an incarnation for another
 * that the other never had (only a node raises its own incarnation).
 */
final class IncarnationInvariant {

    private final Function<String, Memberlist> nodes;
    private final long seed;
    private final Map<String, Map<String, Long>> seen = new HashMap<>();
    private final Map<String, Long> ownMax = new HashMap<>();

    IncarnationInvariant(Function<String, Memberlist> nodes, long seed) {
        this.nodes = nodes;
        this.seed = seed;
    }

    void check(String observer) {
        if (observer == null) {
            return;
        }
        Memberlist memberlist = nodes.apply(observer);
        if (memberlist == null) {
            return;
        }
        Map<String, Long> observed = seen.computeIfAbsent(observer, k -> new HashMap<>());
        Map<String, Long> stillKnown = new HashMap<>();
        for (Node node : memberlist.allNodes()) {
            long incarnation = node.incarnation();
            if (node.name().equals(observer)) {
                ownMax.merge(observer, incarnation, Math::max);
            }
            Long before = observed.get(node.name());
            if (before != null && incarnation < before) {
                throw new AssertionError(String.format("seed %d: %s saw the incarnation of %s go down from %d to %d",
                        seed, observer, node.name(), before, incarnation));
            }
            Long owners = ownMax.get(node.name());
            if (owners != null && incarnation > owners) {
                throw new AssertionError(String.format("seed %d: %s holds incarnation %d for %s, which never had more than %d",
                        seed, observer, incarnation, node.name(), owners));
            }
            stillKnown.put(node.name(), incarnation);
        }
        seen.put(observer, stillKnown);
    }

    /** A node restarted: it is a new process, whose memory starts empty. */
    void restarted(String name) {
        seen.remove(name);
    }
}
