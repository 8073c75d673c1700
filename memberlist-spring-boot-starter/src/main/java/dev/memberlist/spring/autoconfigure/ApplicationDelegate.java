package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.spring.event.EventPublishingDelegate;

import java.util.List;

/**
 * The node's {@link Delegate}: metadata from {@code memberlist.meta} when set (from the application's
 * {@code Delegate} bean otherwise); user messages, broadcasts and user state from that bean; and
 * an event for every user message and merged remote state.
 */
final class ApplicationDelegate implements Delegate {

    private final byte[] meta;
    private final Delegate application;
    private final EventPublishingDelegate events;

    ApplicationDelegate(byte[] meta, Delegate application, EventPublishingDelegate events) {
        this.meta = meta.clone();
        this.application = application;
        this.events = events;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.length > 0 ? meta.clone() : application.nodeMeta(limit);
    }

    @Override
    public void notifyMessage(byte[] message) {
        events.messageReceived(message);
        application.notifyMessage(message);
    }

    @Override
    public List<byte[]> broadcasts(int overhead, int limit) {
        return application.broadcasts(overhead, limit);
    }

    @Override
    public byte[] localState(boolean join) {
        return application.localState(join);
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        application.mergeRemoteState(state, join);
        events.remoteStateMerged(state, join);
    }
}
