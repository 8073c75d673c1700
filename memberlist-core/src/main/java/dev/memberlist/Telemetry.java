package dev.memberlist;

import java.time.Duration;

/**
 * Receives what memberlist measures, as Go's metrics report it, so an application can bind it to
 * its metrics library (the Spring Boot starter binds it to Micrometer). Every method has a
 * do-nothing default.
 *
 * <p>Called from the engine thread and from transport I/O threads, possibly concurrently;
 * implementations must be thread-safe and fast (count, don't log).
 *
 * <p>Message type names are Go's: {@code ping}, {@code indirect_ping}, {@code ack}, {@code nack},
 * {@code suspect}, {@code alive}, {@code dead}, {@code push_pull}, {@code compound}, {@code user},
 * {@code compress}, {@code err}. Channels are {@code udp} and {@code tcp}.
 */
public interface Telemetry {

    /** Ignores everything. */
    Telemetry NOOP = new Telemetry() { };

    /** How a probe of another node ended. */
    enum ProbeOutcome {
        /** The direct ping was acked in time. */
        DIRECT_ACK,
        /** An ack came after the direct wait: late, or through a relay. */
        INDIRECT_ACK,
        /** Only the TCP fallback ping got through. */
        TCP_FALLBACK,
        /** Nothing got through; the node is now suspected. */
        FAILED
    }

    /** Why a node stopped being a member. */
    enum DepartureReason {
        /** It was declared dead after a suspicion. */
        FAILED,
        /** It left gracefully. */
        LEFT
    }

    /**
     * One probe round finished (Go's {@code memberlist.probeNode}).
     *
     * @param outcome how it ended
     * @param duration how long it took
     */
    default void probeCompleted(ProbeOutcome outcome, Duration duration) {
    }

    /**
     * A direct probe was answered (the round-trip time Go reports to its {@code PingDelegate}).
     *
     * @param node the probed node
     * @param rtt the round-trip time
     */
    default void probeRtt(String node, Duration rtt) {
    }

    /**
     * A probe ran with a degraded health score (Go's {@code memberlist.degraded.probe}).
     */
    default void degradedProbe() {
    }

    /**
     * A message was sent.
     *
     * @param type Go's message type name
     */
    default void messageSent(String type) {
    }

    /**
     * A message was received and decoded.
     *
     * @param type Go's message type name
     */
    default void messageReceived(String type) {
    }

    /**
     * Bytes went out (Go's {@code memberlist.udp.sent} / {@code memberlist.tcp.sent}).
     *
     * @param channel {@code udp} or {@code tcp}
     * @param bytes how many
     */
    default void bytesSent(String channel, int bytes) {
    }

    /**
     * Bytes came in (Go's {@code memberlist.udp.received}).
     *
     * @param channel {@code udp} or {@code tcp}
     * @param bytes how many
     */
    default void bytesReceived(String channel, int bytes) {
    }

    /**
     * Input was dropped unused: it could not be decoded, was not allowed, or there was no room for it.
     *
     * @param reason a stable reason label, for example a decoding failure ({@code truncated},
     *     {@code decrypt_failed}, {@code label_mismatch}, …), {@code address_not_allowed},
     *     {@code node_name_missing} (under {@code requireNodeNames}), {@code handoff_queue_full} (a
     *     datagram), {@code message_queue_full} (a gossip or user message), {@code too_many_streams},
     *     {@code stream_buffer_budget}, {@code tls_refused}, or {@code internal_error} (a stream this
     *     node failed to handle, answered with an error)
     */
    default void inputDropped(String reason) {
    }

    /**
     * An outbound message was dropped before it reached the network, because sending it would have
     * held up the protocol's own traffic. Protocol messages (probes, acks, gossip) are never dropped
     * this way; only the application's.
     *
     * @param reason a stable reason label: {@code user_send_queue_full} (a best-effort user message found
     *     too many of its kind waiting to be written)
     */
    default void outputDropped(String reason) {
    }

    /**
     * A live node became suspect (Go's {@code memberlist.msg.suspect}).
     *
     * @param node the suspected node
     */
    default void nodeSuspected(String node) {
    }

    /**
     * A suspicion expired before every expected confirmation arrived (Go's {@code memberlist.degraded.timeout}).
     */
    default void degradedSuspicionTimeout() {
    }

    /**
     * A node stopped being a member (Go's {@code memberlist.msg.dead}).
     *
     * @param node the node
     * @param reason failed or left
     */
    default void nodeDeparted(String node, DepartureReason reason) {
    }

    /**
     * A dead or left node was forgotten (reaped from the node table after the gossip-to-the-dead
     * time), so whatever was kept per node for it can be released.
     *
     * @param node the node
     */
    default void nodeReaped(String node) {
    }

    /**
     * A push/pull exchange finished (Go's {@code memberlist.pushPullNode}).
     *
     * @param join whether it was part of a join
     * @param success whether it succeeded
     * @param duration how long it took
     */
    default void pushPullCompleted(boolean join, boolean success, Duration duration) {
    }

    /**
     * The local health score changed (Go's {@code memberlist.health.score}).
     *
     * @param score the new score; 0 is healthy
     */
    default void healthScoreChanged(int score) {
    }

    /**
     * The broadcast queue's depth, sampled (Go's {@code memberlist.queue.broadcasts}).
     *
     * @param depth queued broadcasts
     */
    default void broadcastQueueDepth(int depth) {
    }
}
