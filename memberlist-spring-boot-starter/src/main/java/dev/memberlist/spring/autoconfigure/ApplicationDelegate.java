package dev.memberlist.spring.autoconfigure;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.ForwardingDelegate;

import java.util.function.Supplier;

/**
 * The {@link Delegate} of a configuration built from properties: user messages, broadcasts and user
 * state from the application's {@code Delegate} bean; metadata from the starter
 * ({@link dev.memberlist.spring.metadata.LocalNodeMetadata}, read on every call so that pairs
 * published later, like the web server's port, are announced), unless {@code memberlist.meta} is
 * not set and that bean supplies metadata of its own.
 */
final class ApplicationDelegate extends ForwardingDelegate {

    private final Supplier<byte[]> starterMeta;
    private final boolean metaConfigured;

    /**
     * @param starterMeta the starter's metadata
     * @param metaConfigured whether {@code memberlist.meta} is set, so the starter's metadata wins
     * @param application the application's delegate
     */
    ApplicationDelegate(Supplier<byte[]> starterMeta, boolean metaConfigured, Delegate application) {
        super(application);
        this.starterMeta = starterMeta;
        this.metaConfigured = metaConfigured;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        if (!metaConfigured) {
            byte[] own = super.nodeMeta(limit);
            if (own.length > 0) {
                return own;
            }
        }
        return starterMeta.get();
    }
}
