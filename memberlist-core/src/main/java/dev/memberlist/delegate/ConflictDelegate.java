package dev.memberlist.delegate;

import dev.memberlist.Node;

/**
 * Hears about name conflicts (Go's {@code ConflictDelegate}): another address claimed a name that a
 * live node already has. Called on the engine thread; must not block.
 */
@FunctionalInterface
public interface ConflictDelegate {

    /**
     * @param existing the node as known
     * @param other the node claiming the same name
     */
    void notifyConflict(Node existing, Node other);
}
