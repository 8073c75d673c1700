package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;

/**
 * The {@link Delegate} of a configuration built from properties: metadata from
 * {@code memberlist.meta} when set (from the application's {@code Delegate} bean otherwise); user
 * messages, broadcasts and user state from that bean.
 */
final class ApplicationDelegate extends ForwardingDelegate {

    private final byte[] meta;

    ApplicationDelegate(byte[] meta, Delegate application) {
        super(application);
        this.meta = meta.clone();
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.length > 0 ? meta.clone() : super.nodeMeta(limit);
    }
}
