package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;

import java.util.List;

/**
 * The {@link Delegate} of a configuration built from properties: metadata from
 * {@code memberlist.meta} when set (from the application's {@code Delegate} bean otherwise); user
 * messages, broadcasts and user state from that bean.
 */
final class ApplicationDelegate implements Delegate {

    private final byte[] meta;
    private final Delegate application;

    ApplicationDelegate(byte[] meta, Delegate application) {
        this.meta = meta.clone();
        this.application = application;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.length > 0 ? meta.clone() : application.nodeMeta(limit);
    }

    @Override
    public void notifyMessage(byte[] message) {
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
    }
}
