package dev.memberlist.delegate;

import java.util.List;

/**
 * The application's hooks into gossip (Go's {@code Delegate}): node metadata, user messages,
 * user broadcasts piggybacked on gossip, and user state exchanged in push/pull. Every method has
 * a do-nothing default, so implement only what you use.
 *
 * <p>Called on the engine thread, one call at a time; implementations must return quickly and
 * never block. Hand slow work to another thread.
 */
public interface Delegate {

    /**
     * The local node's metadata, sent to every other node. Asked at start and on
     * {@code Memberlist.updateNode}.
     *
     * @param limit the maximum size, 512 bytes
     * @return at most {@code limit} bytes; empty for none
     */
    default byte[] nodeMeta(int limit) {
        return new byte[0];
    }

    /**
     * A user message arrived: a best-effort UDP message, a reliable TCP message, or a user broadcast.
     *
     * @param message the message bytes (owned by the callee)
     */
    default void notifyMessage(byte[] message) {
    }

    /**
     * User broadcasts to piggyback on an outgoing packet. The delegate decides how often to repeat
     * each; memberlist only sends what it returns.
     *
     * @param overhead bytes each returned message costs besides itself
     * @param limit bytes available for all returned messages and their overhead
     * @return messages whose sizes plus overheads fit in {@code limit}
     */
    default List<byte[]> broadcasts(int overhead, int limit) {
        return List.of();
    }

    /**
     * The application state to send in a push/pull exchange.
     *
     * @param join whether the exchange is part of a join
     * @return the state; empty for none
     */
    default byte[] localState(boolean join) {
        return new byte[0];
    }

    /**
     * Application state received in a push/pull exchange (only called when the remote sent some).
     *
     * @param state the remote state (owned by the callee)
     * @param join whether the exchange is part of a join
     */
    default void mergeRemoteState(byte[] state, boolean join) {
    }
}
