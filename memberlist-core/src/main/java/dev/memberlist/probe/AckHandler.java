package dev.memberlist.probe;

import dev.memberlist.wire.Bytes;

/** What to do when a ping's ack, a nack, or the deadline arrives. Engine thread only. */
public interface AckHandler {

    /**
     * The ack arrived; the handler is removed.
     *
     * @param payload the ack's payload
     * @param receivedAtNanos when the packet carrying it arrived
     */
    void onAck(Bytes payload, long receivedAtNanos);

    /** A relay reported that the target did not answer; the handler stays registered. */
    default void onNack() {
    }

    /** The deadline passed without an ack; the handler is removed. */
    default void onExpired() {
    }
}
