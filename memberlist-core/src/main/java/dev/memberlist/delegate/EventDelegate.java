package dev.memberlist.delegate;

import dev.memberlist.Node;

/**
 * Hears about membership changes (Go's {@code EventDelegate}). Called on the engine thread, in
 * order, never concurrently; implementations must not block.
 */
public interface EventDelegate {

    /**
     * A node joined, or came back after being dead or having left. Also called for the local node
     * at start.
     *
     * @param node the node as now known
     */
    default void notifyJoin(Node node) {
    }

    /**
     * A node was declared dead or left; {@link Node#state()} tells which.
     *
     * @param node the node as now known
     */
    default void notifyLeave(Node node) {
    }

    /**
     * A live node changed its metadata.
     *
     * @param node the node as now known
     */
    default void notifyUpdate(Node node) {
    }
}
