package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;

import java.util.function.Supplier;

/**
 * The {@link Delegate} of a configuration built from properties: metadata from the starter
 * ({@link dev.memberlist.spring.metadata.LocalNodeMetadata}) when it has any (from the application's
 * {@code Delegate} bean otherwise); user messages, broadcasts and user state from that bean.
 */
final class ApplicationDelegate extends ForwardingDelegate {

    private final Supplier<byte[]> meta;

    ApplicationDelegate(Supplier<byte[]> meta, Delegate application) {
        super(application);
        this.meta = meta;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        byte[] starterMeta = meta.get();
        return starterMeta.length > 0 ? starterMeta : super.nodeMeta(limit);
    }
}
