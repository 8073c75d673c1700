package dev.memberlist.engine;

import dev.memberlist.Cidr;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.Telemetry;
import dev.memberlist.Telemetry.DepartureReason;
import dev.memberlist.delegate.CompositeDelegate;
import dev.memberlist.delegate.Verdict;
import dev.memberlist.gossip.Broadcast;
import dev.memberlist.gossip.TransmitLimitedQueue;
import dev.memberlist.state.Awareness;
import dev.memberlist.state.MembershipListener;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageCodec;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connects the state rules to the rest of the engine: broadcasts go to the gossip queue, state
 * changes to the application's delegates and to telemetry. Engine thread only.
 */
final class EngineListener implements MembershipListener {

    private final TransmitLimitedQueue queue;
    private final CompositeDelegate delegates;
    private final Telemetry telemetry;
    private final List<Cidr> cidrsAllowed;
    private final Awareness awareness;
    private final Reconnector reconnector;
    private final Clock clock;
    private final Consumer<Message> broadcastQueued;
    private boolean merging;

    EngineListener(MemberlistConfig config, TransmitLimitedQueue queue, Awareness awareness, Reconnector reconnector,
                   Clock clock, Consumer<Message> broadcastQueued) {
        this.queue = queue;
        this.delegates = config.delegates();
        this.telemetry = config.telemetry();
        this.cidrsAllowed = config.cidrsAllowed();
        this.awareness = awareness;
        this.reconnector = reconnector;
        this.clock = clock;
        this.broadcastQueued = broadcastQueued;
    }

    @Override
    public void broadcast(String node, Message message, Runnable onFinished) {
        queue.queue(new Broadcast(node, MessageCodec.encode(message), onFinished));
        if (!merging) {
            broadcastQueued.accept(message);
        }
    }

    /** The broadcasts of a merge wait for the next gossip round, as in Go: see {@link GossipRounds}. */
    @Override
    public void merging(Runnable merge) {
        merging = true;
        try {
            merge.run();
        } finally {
            merging = false;
        }
    }

    @Override
    public Optional<String> vetoAlive(Supplier<NodeRecord> candidateSupplier) {
        if (!delegates.hasAliveDelegate()) {
            return Optional.empty();
        }
        NodeRecord candidate = candidateSupplier.get();
        if (candidate.versions().equals(ProtocolVersions.UNKNOWN)) {
            return Optional.of("Vsn is not present");
        }
        return SafeCalls.get("AliveDelegate.notifyAlive", () -> delegates.notifyAlive(candidate.toNode()),
                Verdict.reject("the alive delegate failed")).rejection();
    }

    @Override
    public boolean addressAllowed(NodeRecord candidate) {
        return addressAllowed(candidate.addr().toByteArray());
    }

    boolean addressAllowed(byte[] address) {
        if (cidrsAllowed.isEmpty()) {
            return true;
        }
        for (Cidr cidr : cidrsAllowed) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void refuted() {
        awareness.applyDelta(1);
    }

    @Override
    public void joined(NodeRecord node) {
        reconnector.forget(node.name());
        SafeCalls.run("EventDelegate.notifyJoin", () -> delegates.notifyJoin(node.toNode()));
    }

    @Override
    public void updated(NodeRecord node) {
        SafeCalls.run("EventDelegate.notifyUpdate", () -> delegates.notifyUpdate(node.toNode()));
    }

    @Override
    public void suspected(NodeRecord node) {
        telemetry.nodeSuspected(node.name());
    }

    @Override
    public void left(NodeRecord node) {
        if (node.state() == NodeState.DEAD) {
            reconnector.died(node, clock.nanoTime());
        } else {
            reconnector.forget(node.name());
        }
        telemetry.nodeDeparted(node.name(), node.state() == NodeState.LEFT ? DepartureReason.LEFT : DepartureReason.FAILED);
        SafeCalls.run("EventDelegate.notifyLeave", () -> delegates.notifyLeave(node.toNode()));
    }

    @Override
    public void degradedSuspicionTimeout(NodeRecord node) {
        telemetry.degradedSuspicionTimeout();
    }

    @Override
    public void conflict(NodeRecord existing, NodeRecord other) {
        SafeCalls.run("ConflictDelegate.notifyConflict",
                () -> delegates.notifyConflict(existing.toNode(), other.toNode()));
    }
}
