package dev.memberlist.probe;

import dev.memberlist.Telemetry.ProbeOutcome;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Ping;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What a {@link ProbeRound} asks of the engine. Engine thread only. */
public interface ProbeActions {

    /**
     * Sends the direct ping: piggybacked to an alive target, or bundled with a suspect message to a
     * suspect one (Lifeguard's buddy system, so the target learns it must refute).
     *
     * @param target the probed node
     * @param ping the ping
     * @return completes when handed to the network; when it fails, at once or later, the round goes
     *     straight to indirect probes and the probe no longer counts toward local health
     */
    CompletionStage<Void> sendPing(ProbeTarget target, Ping ping);

    /**
     * Asks random live nodes to probe the target.
     *
     * @param target the probed node
     * @param seqNo the round's sequence number, which relayed acks and nacks carry
     * @return how many relays were asked for a nack
     */
    int sendIndirectPings(ProbeTarget target, long seqNo);

    /**
     * Starts the TCP fallback ping, if enabled for the target.
     *
     * @param target the probed node
     * @param ping the ping to send over TCP
     * @param deadlineNanos when to give up
     * @return whether the target answered, or empty when TCP pings are off for it
     */
    Optional<CompletionStage<Boolean>> tcpPing(ProbeTarget target, Ping ping, long deadlineNanos);

    /**
     * A direct ping was answered in time.
     *
     * @param target the probed node
     * @param rttNanos the round-trip time
     * @param payload the ack's payload
     */
    void pingAnswered(ProbeTarget target, long rttNanos, Bytes payload);

    /**
     * The round ended.
     *
     * @param target the probed node
     * @param outcome how it ended
     * @param awarenessDelta the change to the local health score
     * @param durationNanos how long the round took
     */
    void roundFinished(ProbeTarget target, ProbeOutcome outcome, int awarenessDelta, long durationNanos);
}
