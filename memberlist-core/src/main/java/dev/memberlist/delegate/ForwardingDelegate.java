package dev.memberlist.delegate;


import java.util.List;

/**
 * A {@link Delegate} that hands every call to another one; subclasses override the calls they are
 * about (to add metadata, count, or publish) and leave the rest to the wrapped delegate. As
 * thread-safe as the delegate it wraps and the overrides.
 */
public abstract class ForwardingDelegate implements Delegate {

    private final Delegate delegate;

    /** @param delegate the delegate every call not overridden goes to */
    protected ForwardingDelegate(Delegate delegate) {
        this.delegate = delegate;
    }

    /** @return the delegate every call not overridden goes to */
    protected final Delegate forwardee() {
        return delegate;
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
