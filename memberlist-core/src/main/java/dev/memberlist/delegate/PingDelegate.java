package dev.memberlist.delegate;

import dev.memberlist.Node;

import java.time.Duration;

/**
 * Adds a payload to ping acks and hears round-trip times (Go's {@code PingDelegate}), for example
 * to build network coordinates. Called on the engine thread; must not block.
 */
public interface PingDelegate {

    /**
     * @return the payload to put in acks to direct pings; empty for none
     */
    default byte[] ackPayload() {
        return new byte[0];
    }

    /**
     * A direct probe was answered in time.
     *
     * @param other the probed node
     * @param rtt the round-trip time
     * @param payload the payload in its ack
     */
    default void notifyPingComplete(Node other, Duration rtt, byte[] payload) {
    }
}
