package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.spring.event.EventPublishingDelegate;

import java.util.List;

/**
 * A node's {@link Delegate} with an event for every user message and every merged remote state,
 * published after the configuration's own delegate saw it.
 */
final class PublishingDelegate implements Delegate {

    private final Delegate delegate;
    private final EventPublishingDelegate events;

    PublishingDelegate(Delegate delegate, EventPublishingDelegate events) {
        this.delegate = delegate;
        this.events = events;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return delegate.nodeMeta(limit);
    }

    @Override
    public void notifyMessage(byte[] message) {
        events.messageReceived(message);
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
        events.remoteStateMerged(state, join);
    }
}
