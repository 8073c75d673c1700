package dev.memberlist.delegate;

import dev.memberlist.Node;

import java.util.List;

/**
 * Vets a cluster merge (Go's {@code MergeDelegate}): called before the node table of a peer met in
 * a join push/pull is merged, on both sides. Rejecting cancels that merge (and fails that join).
 * Called on the engine thread; must not block.
 */
@FunctionalInterface
public interface MergeDelegate {

    /**
     * @param peers the nodes the peer knows
     * @return whether to merge them
     */
    Verdict notifyMerge(List<Node> peers);
}
