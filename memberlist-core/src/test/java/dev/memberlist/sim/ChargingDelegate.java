package dev.memberlist.sim;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.ForwardingDelegate;

import java.time.Duration;

/**
 * A node's {@link Delegate} that costs its node {@link CostModel#userMessageNanos()} of virtual time
 * for every user message it receives, and otherwise does what the delegate it wraps does.
 */
final class ChargingDelegate extends ForwardingDelegate {

    private final SimulatedScheduler.NodeScheduler node;
    private final Duration perMessage;

    /**
     * @param delegate what the node's application does
     * @param node the node's scheduler, charged for the application's work
     * @param perMessage the work on one user message
     */
    ChargingDelegate(Delegate delegate, SimulatedScheduler.NodeScheduler node, Duration perMessage) {
        super(delegate);
        this.node = node;
        this.perMessage = perMessage;
    }

    @Override
    public void notifyMessage(byte[] message) {
        node.charge(perMessage);
        super.notifyMessage(message);
    }
}
