package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.spring.event.EventPublishingDelegate;

import java.util.List;
import java.util.function.Supplier;

/**
 * The node's {@link Delegate}: metadata from the starter when it has any (from the application's
 * {@code Delegate} bean otherwise); user messages, broadcasts and user state from that bean; and
 * an event for every user message and merged remote state.
 */
final class ApplicationDelegate implements Delegate {

    private final Supplier<byte[]> meta;
    private final Delegate application;
    private final EventPublishingDelegate events;

    ApplicationDelegate(Supplier<byte[]> meta, Delegate application, EventPublishingDelegate events) {
        this.meta = meta;
        this.application = application;
        this.events = events;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        byte[] starterMeta = meta.get();
        return starterMeta.length > 0 ? starterMeta : application.nodeMeta(limit);
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
