package dev.memberlist.delegate;

import dev.memberlist.Node;

/**
 * Filters alive messages (Go's {@code AliveDelegate}): called for every alive message, gossiped or
 * from push/pull, before it changes anything. Rejected messages are ignored. Called on the engine
 * thread; must not block.
 */
@FunctionalInterface
public interface AliveDelegate {

    /**
     * @param peer the node as the message describes it
     * @return whether to apply the message
     */
    Verdict notifyAlive(Node peer);
}
