package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;

import java.util.List;

/** A {@link Delegate} that hands every call to another one; subclasses change the calls they are about. */
abstract class ForwardingDelegate implements Delegate {

    private final Delegate delegate;

    ForwardingDelegate(Delegate delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return delegate.nodeMeta(limit);
    }

    @Override
    public void notifyMessage(byte[] message) {
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
