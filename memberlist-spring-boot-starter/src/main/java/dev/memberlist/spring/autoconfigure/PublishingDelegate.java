package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.ForwardingDelegate;
import dev.memberlist.spring.event.EventPublishingDelegate;

/**
 * A node's {@link Delegate} with an event for every user message and every merged remote state,
 * published after the configuration's own delegate saw it.
 */
final class PublishingDelegate extends ForwardingDelegate {

    private final EventPublishingDelegate events;

    PublishingDelegate(Delegate delegate, EventPublishingDelegate events) {
        super(delegate);
        this.events = events;
    }

    @Override
    public void notifyMessage(byte[] message) {
        events.messageReceived(message);
        super.notifyMessage(message);
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        super.mergeRemoteState(state, join);
        events.remoteStateMerged(state, join);
    }
}
