package dev.memberlist.probe;

import dev.memberlist.Telemetry.ProbeOutcome;
import dev.memberlist.sim.SimulatedScheduler;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Ping;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeRoundTest {

    private static final long INTERVAL = Duration.ofSeconds(1).toNanos();
    private static final long PROBE_TIMEOUT = Duration.ofMillis(500).toNanos();
    private static final ProbeTarget TARGET = new ProbeTarget("b", Bytes.fromHex("0a000002"), 7946, 3, true, 5);

    private final SimulatedScheduler scheduler = new SimulatedScheduler();
    private final SimulatedScheduler.NodeScheduler node = scheduler.forNode("a");
    private final AckTracker acks = new AckTracker(node);
    private final FakeActions actions = new FakeActions();
    private boolean done;

    // Go: TestMemberList_ProbeNode
    @Test
    void directAckWithinTheProbeTimeoutCompletesTheRoundAndImprovesHealth() {
        long seqNo = start();
        scheduler.runFor(Duration.ofMillis(100));

        acks.ack(seqNo, Bytes.fromHex("6869"), scheduler.nanoTime());

        assertThat(actions.outcome).isEqualTo(ProbeOutcome.DIRECT_ACK);
        assertThat(actions.awarenessDelta).isEqualTo(-1);
        assertThat(actions.rttNanos).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(actions.payload).isEqualTo(Bytes.fromHex("6869"));
        assertThat(actions.indirectRequests).isZero();
        assertThat(done).isTrue();
    }

    @Test
    void probeWhenDirectAckTimesOutSendsIndirectPingsAndTcpPing() {
        start();
        scheduler.runFor(Duration.ofMillis(499));
        assertThat(actions.indirectRequests).isZero();

        scheduler.runFor(Duration.ofMillis(1));

        assertThat(actions.indirectRequests).isEqualTo(1);
        assertThat(actions.tcpPings).isEqualTo(1);
        assertThat(actions.tcpDeadlineNanos).isEqualTo(INTERVAL);
    }

    @Test
    void ackRelayedAfterTheDirectTimeoutCountsAsIndirectSuccess() {
        long seqNo = start();
        scheduler.runFor(Duration.ofMillis(700));

        acks.ack(seqNo, Bytes.NIL, scheduler.nanoTime());

        assertThat(actions.outcome).isEqualTo(ProbeOutcome.INDIRECT_ACK);
        assertThat(actions.awarenessDelta).isEqualTo(-1);
        assertThat(actions.rttNanos).as("no ping-complete callback for indirect acks").isEqualTo(-1);
    }

    // Go: TestMemberList_ProbeNode_Awareness_Degraded (every relay nacked: the target is the problem)
    @Test
    void failureWithEveryExpectedNackLeavesHealthUnchanged() {
        actions.nacksExpected = 3;
        long seqNo = start();
        scheduler.runFor(Duration.ofMillis(600));
        acks.nack(seqNo);
        acks.nack(seqNo);
        acks.nack(seqNo);

        scheduler.runFor(Duration.ofMillis(400));

        assertThat(actions.outcome).isEqualTo(ProbeOutcome.FAILED);
        assertThat(actions.awarenessDelta).isZero();
    }

    // Go: TestMemberList_ProbeNode_Awareness_MissedNack
    @Test
    void missingNacksMeanThisNodeIsTheProblem() {
        actions.nacksExpected = 3;
        long seqNo = start();
        scheduler.runFor(Duration.ofMillis(600));
        acks.nack(seqNo);

        scheduler.runFor(Duration.ofMillis(400));

        assertThat(actions.outcome).isEqualTo(ProbeOutcome.FAILED);
        assertThat(actions.awarenessDelta).isEqualTo(2);
    }

    // Go: TestMemberList_ProbeNode_Awareness_OldProtocol
    @Test
    void failureWithoutNackCapableRelaysWorsensHealthByOne() {
        start();

        scheduler.runFor(Duration.ofSeconds(1));

        assertThat(actions.outcome).isEqualTo(ProbeOutcome.FAILED);
        assertThat(actions.awarenessDelta).isEqualTo(1);
    }

    // Go: TestMemberList_ProbeNode_FallbackTCP
    @Test
    void tcpFallbackSuccessKeepsTheTargetAlive() {
        actions.tcpResult = CompletableFuture.completedFuture(true);
        start();

        scheduler.runFor(Duration.ofSeconds(1));

        assertThat(actions.outcome).isEqualTo(ProbeOutcome.TCP_FALLBACK);
        assertThat(actions.awarenessDelta).isEqualTo(-1);
    }

    @Test
    void roundWaitsForAPendingTcpPingBeforeDeciding() {
        CompletableFuture<Boolean> tcp = new CompletableFuture<>();
        actions.tcpResult = tcp;
        start();
        scheduler.runFor(Duration.ofSeconds(1));
        assertThat(done).isFalse();

        tcp.complete(false);
        scheduler.runFor(Duration.ZERO);

        assertThat(actions.outcome).isEqualTo(ProbeOutcome.FAILED);
        assertThat(done).isTrue();
    }

    @Test
    void failedSendGoesStraightToIndirectProbesWithoutCountingAsSuccess() {
        actions.sendResult = CompletableFuture.failedFuture(new IllegalStateException("network unreachable"));
        long seqNo = start();

        assertThat(actions.indirectRequests).isEqualTo(1);
        acks.ack(seqNo, Bytes.NIL, scheduler.nanoTime());
        assertThat(actions.outcome).isEqualTo(ProbeOutcome.INDIRECT_ACK);
        assertThat(actions.awarenessDelta).isZero();
    }

    @Test
    void sendFailingAfterTheRoundStartedGoesStraightToIndirectProbesWithoutCountingAsSuccess() {
        actions.sendResult = new CompletableFuture<>();
        long seqNo = start();
        scheduler.runFor(Duration.ofMillis(10));
        assertThat(actions.indirectRequests).isZero();

        actions.sendResult.completeExceptionally(new IllegalStateException("network unreachable"));
        scheduler.runFor(Duration.ofMillis(1));

        assertThat(actions.indirectRequests).as("indirect probes at once, not after the 500 ms probe timeout").isEqualTo(1);
        acks.ack(seqNo, Bytes.NIL, scheduler.nanoTime());
        assertThat(actions.outcome).isEqualTo(ProbeOutcome.INDIRECT_ACK);
        assertThat(actions.awarenessDelta).isZero();
    }

    @Test
    void lateAcksAfterTheRoundAreIgnored() {
        long seqNo = start();
        scheduler.runFor(Duration.ofSeconds(2));

        acks.ack(seqNo, Bytes.NIL, scheduler.nanoTime());

        assertThat(actions.finished).isEqualTo(1);
        assertThat(actions.outcome).isEqualTo(ProbeOutcome.FAILED);
    }

    private long start() {
        long seqNo = acks.nextSeqNo();
        new ProbeRound(TARGET, new Ping(seqNo, "b", Bytes.fromHex("0a000001"), 7946, "a"), INTERVAL, PROBE_TIMEOUT,
                scheduler, node, acks, actions, () -> done = true).start();
        return seqNo;
    }

    private static final class FakeActions implements ProbeActions {
        CompletableFuture<Void> sendResult = CompletableFuture.completedFuture(null);
        int nacksExpected;
        CompletionStage<Boolean> tcpResult = CompletableFuture.completedFuture(false);
        int indirectRequests;
        int tcpPings;
        long tcpDeadlineNanos;
        long rttNanos = -1;
        Bytes payload;
        ProbeOutcome outcome;
        int awarenessDelta;
        int finished;
        final List<Ping> pings = new ArrayList<>();

        @Override
        public CompletionStage<Void> sendPing(ProbeTarget target, Ping ping) {
            pings.add(ping);
            return sendResult;
        }

        @Override
        public int sendIndirectPings(ProbeTarget target, long seqNo) {
            indirectRequests++;
            return nacksExpected;
        }

        @Override
        public Optional<CompletionStage<Boolean>> tcpPing(ProbeTarget target, Ping ping, long deadlineNanos) {
            tcpPings++;
            tcpDeadlineNanos = deadlineNanos;
            return nacksExpected > 0 ? Optional.empty() : Optional.of(tcpResult);
        }

        @Override
        public void pingAnswered(ProbeTarget target, long rttNanos, Bytes payload) {
            this.rttNanos = rttNanos;
            this.payload = payload;
        }

        @Override
        public void roundFinished(ProbeTarget target, ProbeOutcome outcome, int awarenessDelta, long durationNanos) {
            this.outcome = outcome;
            this.awarenessDelta = awarenessDelta;
            finished++;
        }
    }
}
