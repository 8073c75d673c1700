package dev.memberlist.sim;

import dev.memberlist.delegate.Delegate;

import java.time.Duration;
import java.util.List;

/**
 * A node's {@link Delegate} that costs its node {@link CostModel#userMessageNanos()} of virtual time
 * for every user message it receives, and otherwise does what the delegate it wraps does.
 */
final class ChargingDelegate implements Delegate {

    private final Delegate delegate;
    private final SimulatedScheduler.NodeScheduler node;
    private final Duration perMessage;

    /**
     * @param delegate what the node's application does
     * @param node the node's scheduler, charged for the application's work
     * @param perMessage the work on one user message
     */
    ChargingDelegate(Delegate delegate, SimulatedScheduler.NodeScheduler node, Duration perMessage) {
        this.delegate = delegate;
        this.node = node;
        this.perMessage = perMessage;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return delegate.nodeMeta(limit);
    }

    @Override
    public void notifyMessage(byte[] message) {
        node.charge(perMessage);
        delegate.notifyMessage(message);
    }

    @Override
    public List<byte[]> broadcasts(int overhead, int limit) {
        return delegate.broadcasts(overhead, limit);
    }

    @Override
    public byte[] localState(boolean join) {
        return delegate.localState(join);
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        delegate.mergeRemoteState(state, join);
    }
}
