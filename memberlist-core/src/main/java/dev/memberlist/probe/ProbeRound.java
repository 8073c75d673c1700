package dev.memberlist.probe;

import dev.memberlist.Telemetry.ProbeOutcome;
import dev.memberlist.engine.Cancellable;
import dev.memberlist.engine.Clock;
import dev.memberlist.engine.Scheduler;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Ping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One probe of one node (Go's {@code probeNode}), with Go's blocking steps turned into explicit
 * phases: a direct ping and a wait of {@code ProbeTimeout}; then pings through relays and a TCP
 * fallback ping, with a wait until the (health-scaled) probe interval ends; then success, or
 * failure and a suspicion. Acks, nacks and timers move it forward. Engine thread only.
 */
public final class ProbeRound {

    private static final Logger log = LoggerFactory.getLogger(ProbeRound.class);

    private enum Phase { DIRECT, INDIRECT, AWAITING_TCP, DONE }

    private final ProbeTarget target;
    private final Ping ping;
    private final long intervalNanos;
    private final long probeTimeoutNanos;
    private final Clock clock;
    private final Scheduler scheduler;
    private final AckTracker acks;
    private final ProbeActions actions;
    private final Runnable onDone;

    private Phase phase = Phase.DIRECT;
    private long sentNanos;
    private int successDelta;
    private int expectedNacks;
    private int nacks;
    private boolean tcpPending;
    private boolean tcpAnswered;
    private Cancellable directWait = () -> { };

    /**
     * @param target the node to probe
     * @param ping the ping to send (its sequence number identifies the round)
     * @param intervalNanos the probe interval scaled by local health: the round's whole deadline
     * @param probeTimeoutNanos how long to wait for the direct ack
     * @param clock engine time
     * @param scheduler runs the waits
     * @param acks matches acks and nacks to the round
     * @param actions sends and reports
     * @param onDone run once when the round ends
     */
    public ProbeRound(ProbeTarget target, Ping ping, long intervalNanos, long probeTimeoutNanos, Clock clock,
                      Scheduler scheduler, AckTracker acks, ProbeActions actions, Runnable onDone) {
        this.target = target;
        this.ping = ping;
        this.intervalNanos = intervalNanos;
        this.probeTimeoutNanos = probeTimeoutNanos;
        this.clock = clock;
        this.scheduler = scheduler;
        this.acks = acks;
        this.actions = actions;
        this.onDone = onDone;
    }

    /** Sends the direct ping and starts the waits. */
    public void start() {
        sentNanos = clock.nanoTime();
        acks.expect(ping.seqNo(), Duration.ofNanos(intervalNanos), new AckHandler() {
            @Override
            public void onAck(Bytes payload, long receivedAtNanos) {
                acked(payload, receivedAtNanos);
            }

            @Override
            public void onNack() {
                nacks++;
            }

            @Override
            public void onExpired() {
                intervalExpired();
            }
        });
        CompletableFuture<Void> sent = actions.sendPing(target, ping).toCompletableFuture();
        if (sent.isCompletedExceptionally()) {
            goIndirect();
            return;
        }
        // Go counts a sent probe as a success for health unless it ends in failure.
        successDelta = -1;
        directWait = scheduler.schedule(Duration.ofNanos(probeTimeoutNanos), this::goIndirect);
        if (!sent.isDone()) {
            sent.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    scheduler.execute(() -> sendFailed(failure));
                }
            });
        }
    }

    /**
     * The transport reported the ping's send as failed after the round started (Go learns it from
     * the send call itself): no health bonus, and no waiting out the probe timeout.
     */
    private void sendFailed(Throwable failure) {
        if (phase == Phase.DONE) {
            return;
        }
        log.debug("Failed to send the ping to {}: {}", target.name(), failure.getMessage());
        successDelta = 0;
        goIndirect();
    }

    private void acked(Bytes payload, long receivedAtNanos) {
        if (phase == Phase.DONE) {
            return;
        }
        if (phase == Phase.DIRECT) {
            actions.pingAnswered(target, receivedAtNanos - sentNanos, payload);
            finish(ProbeOutcome.DIRECT_ACK, successDelta);
        } else {
            finish(ProbeOutcome.INDIRECT_ACK, successDelta);
        }
    }

    private void goIndirect() {
        if (phase != Phase.DIRECT) {
            return;
        }
        phase = Phase.INDIRECT;
        directWait.cancel();
        log.debug("Failed direct ping of {}, trying indirect probes", target.name());
        expectedNacks = actions.sendIndirectPings(target, ping.seqNo());
        Optional<CompletionStage<Boolean>> tcp = actions.tcpPing(target, ping, sentNanos + intervalNanos);
        if (tcp.isPresent()) {
            tcpPending = true;
            tcp.get().whenComplete((answered, failure) ->
                    scheduler.execute(() -> tcpFinished(failure == null && Boolean.TRUE.equals(answered))));
        }
    }

    private void intervalExpired() {
        if (phase == Phase.DONE) {
            return;
        }
        goIndirect();
        if (tcpPending) {
            phase = Phase.AWAITING_TCP;
        } else {
            conclude();
        }
    }

    private void tcpFinished(boolean answered) {
        tcpPending = false;
        tcpAnswered = answered;
        if (phase == Phase.AWAITING_TCP) {
            conclude();
        }
    }

    private void conclude() {
        if (tcpAnswered) {
            log.warn("Was able to connect to {} over TCP but UDP probes failed, network may be misconfigured",
                    target.name());
            finish(ProbeOutcome.TCP_FALLBACK, successDelta);
            return;
        }
        int delta = expectedNacks > 0 ? Math.max(0, expectedNacks - nacks) : 1;
        log.info("Suspect {} has failed, no acks received", target.name());
        finish(ProbeOutcome.FAILED, delta);
    }

    private void finish(ProbeOutcome outcome, int awarenessDelta) {
        phase = Phase.DONE;
        directWait.cancel();
        actions.roundFinished(target, outcome, awarenessDelta, clock.nanoTime() - sentNanos);
        onDone.run();
    }
}
