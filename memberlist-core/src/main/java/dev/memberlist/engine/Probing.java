package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.NodeState;
import dev.memberlist.Telemetry;
import dev.memberlist.Telemetry.ProbeOutcome;
import dev.memberlist.delegate.CompositeDelegate;
import dev.memberlist.probe.AckTracker;
import dev.memberlist.probe.ProbeActions;
import dev.memberlist.probe.ProbeRound;
import dev.memberlist.probe.ProbeTarget;
import dev.memberlist.state.Awareness;
import dev.memberlist.state.Membership;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.state.NodeTable;
import dev.memberlist.wire.Compound;
import dev.memberlist.wire.IndirectPingRequest;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.Suspect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Drives failure detection: one {@link ProbeRound} per probe tick, never two at once (a tick that
 * arrives during a round runs right after it, as Go's ticker does), and the sends and outcomes the
 * rounds ask for. Engine thread only.
 */
final class Probing implements ProbeActions {

    private final MemberlistConfig config;
    private final EngineSeams seams;
    private final NodeTable table;
    private final Membership membership;
    private final AckTracker acks;
    private final Outbound outbound;
    private final Streams streams;
    private final Awareness awareness;
    private final CompositeDelegate delegates;
    private final Telemetry telemetry;
    private boolean roundActive;
    private boolean tickPending;

    Probing(MemberlistConfig config, EngineSeams seams, NodeTable table, Membership membership, AckTracker acks,
            Outbound outbound, Streams streams, Awareness awareness) {
        this.config = config;
        this.seams = seams;
        this.table = table;
        this.membership = membership;
        this.acks = acks;
        this.outbound = outbound;
        this.streams = streams;
        this.awareness = awareness;
        this.delegates = config.delegates();
        this.telemetry = config.telemetry();
    }

    /** A probe tick: starts a round, or remembers the tick while one is running. */
    void tick() {
        if (roundActive) {
            tickPending = true;
            return;
        }
        long baseNanos = config.probeInterval().toNanos();
        Optional<NodeRecord> target = table.nextProbeTarget(config.name(), seams.clock().nanoTime(),
                config.gossipToTheDeadTime().toNanos(), seams.random(), reaped -> telemetry.nodeReaped(reaped.name()));
        if (target.isEmpty()) {
            return;
        }
        long intervalNanos = awareness.scaleTimeoutNanos(baseNanos);
        if (intervalNanos > baseNanos) {
            telemetry.degradedProbe();
        }
        NodeRecord self = membership.local();
        Ping ping = new Ping(acks.nextSeqNo(), target.get().name(), self.addr(), self.port(), self.name());
        roundActive = true;
        new ProbeRound(toTarget(target.get()), ping, intervalNanos, config.probeTimeout().toNanos(), seams.clock(),
                seams.scheduler(), acks, this, this::roundDone).start();
    }

    private void roundDone() {
        roundActive = false;
        if (tickPending) {
            tickPending = false;
            seams.scheduler().execute(this::tick);
        }
    }

    @Override
    public CompletionStage<Void> sendPing(ProbeTarget target, Ping ping) {
        if (target.alive()) {
            return outbound.sendWithPiggyback(Addresses.of(target.addr(), target.port()), MessageCodec.encode(ping));
        }
        Suspect suspect = new Suspect(target.incarnation(), target.name(), config.name());
        byte[] compound = Compound.encode(List.of(MessageCodec.encode(ping), MessageCodec.encode(suspect)));
        return outbound.sendRaw(Addresses.of(target.addr(), target.port()), compound, target.protocolMax() >= 5);
    }

    @Override
    public int sendIndirectPings(ProbeTarget target, long seqNo) {
        NodeRecord self = membership.local();
        List<NodeRecord> relays = table.randomNodes(config.indirectChecks(),
                r -> r.name().equals(self.name()) || r.name().equals(target.name()) || r.state() != NodeState.ALIVE,
                seams.random());
        int expectedNacks = 0;
        for (NodeRecord relay : relays) {
            boolean nack = relay.versions().protocolMax() >= 4;
            if (nack) {
                expectedNacks++;
            }
            IndirectPingRequest request = new IndirectPingRequest(seqNo, target.addr(), target.port(), target.name(),
                    nack, self.addr(), self.port(), self.name());
            outbound.sendWithPiggyback(Addresses.of(relay), MessageCodec.encode(request));
        }
        return expectedNacks;
    }

    @Override
    public Optional<CompletionStage<Boolean>> tcpPing(ProbeTarget target, Ping ping, long deadlineNanos) {
        if (config.disableTcpPings() || config.disableTcpPingsForNode().test(target.name()) || target.protocolMax() < 3) {
            return Optional.empty();
        }
        long remaining = Math.max(1_000_000L, deadlineNanos - seams.clock().nanoTime());
        return Optional.of(streams.ping(Addresses.of(target.addr(), target.port()), ping, Duration.ofNanos(remaining)));
    }

    @Override
    public void pingAnswered(ProbeTarget target, long rttNanos, dev.memberlist.wire.Bytes payload) {
        Duration rtt = Duration.ofNanos(rttNanos);
        telemetry.probeRtt(target.name(), rtt);
        table.get(target.name()).ifPresent(record -> SafeCalls.run("PingDelegate.notifyPingComplete",
                () -> delegates.notifyPingComplete(record.toNode(), rtt, payload.toByteArray())));
    }

    @Override
    public void roundFinished(ProbeTarget target, ProbeOutcome outcome, int awarenessDelta, long durationNanos) {
        awareness.applyDelta(awarenessDelta);
        telemetry.probeCompleted(outcome, Duration.ofNanos(durationNanos));
        if (outcome == ProbeOutcome.FAILED) {
            membership.suspectNode(new Suspect(target.incarnation(), target.name(), config.name()));
        }
    }

    private static ProbeTarget toTarget(NodeRecord record) {
        return new ProbeTarget(record.name(), record.addr(), record.port(), record.incarnation(),
                record.state() == NodeState.ALIVE, record.versions().protocolMax());
    }
}
