package dev.memberlist.state;

import dev.memberlist.wire.Message;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link Membership} asks of the rest of the engine: queueing broadcasts, filtering alive
 * messages, and hearing about state changes. Called on the engine thread.
 */
public interface MembershipListener {

    /**
     * Queues a broadcast about a node, replacing any queued broadcast about the same node.
     *
     * @param node the node the message is about (the queue key)
     * @param message the message to gossip
     * @param onFinished run once the broadcast has been sent often enough or was replaced; may be null
     */
    void broadcast(String node, Message message, Runnable onFinished);

    /**
     * Runs a push/pull merge, whose broadcasts carry a whole table's worth of news at once rather
     * than news of the moment; a listener may treat them apart. By default it just runs it.
     *
     * @param merge applies the remote table, queueing broadcasts as it goes
     */
    default void merging(Runnable merge) {
        merge.run();
    }

    /**
     * Asks whether an alive message may be applied (Go's {@code AliveDelegate}).
     *
     * @param candidate builds the node as the alive message describes it; every alive message
     *     passes through here, so a listener without a filter should not call it
     * @return a reason to ignore the message, or empty to accept it
     */
    Optional<String> vetoAlive(Supplier<NodeRecord> candidate);

    /**
     * Asks whether a node may use an address (Go's {@code CIDRsAllowed}).
     *
     * @param candidate the node with the address it claims
     * @return whether the address is allowed
     */
    boolean addressAllowed(NodeRecord candidate);

    /** The local node refuted an accusation about itself; its health is worse. */
    void refuted();

    /**
     * A node became alive after being unknown, dead or left.
     *
     * @param node the node's new record
     */
    void joined(NodeRecord node);

    /**
     * A live node changed its metadata.
     *
     * @param node the node's new record
     */
    void updated(NodeRecord node);

    /**
     * A live node became suspect.
     *
     * @param node the node's new record
     */
    void suspected(NodeRecord node);

    /**
     * A node was declared dead or left (see its state).
     *
     * @param node the node's new record
     */
    void left(NodeRecord node);

    /**
     * A suspicion ran out before every expected confirmation arrived (Go's {@code degraded.timeout}).
     *
     * @param node the suspected node
     */
    void degradedSuspicionTimeout(NodeRecord node);

    /**
     * An alive message claimed a known name from another address that may not take it over.
     *
     * @param existing the node as known
     * @param other the node as the alive message describes it
     */
    void conflict(NodeRecord existing, NodeRecord other);
}
