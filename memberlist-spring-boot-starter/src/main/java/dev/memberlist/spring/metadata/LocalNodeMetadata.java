package dev.memberlist.spring.metadata;

import dev.memberlist.MemberlistConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's metadata as the starter announces it, in the {@link NodeMetadata} encoding: the pairs
 * of {@code memberlist.meta}, plus the pairs the starter publishes so that other applications need
 * no code of their own to find this one ({@link #SERVICE_ID}, {@link #HTTP_PORT}). A configured
 * pair wins over a published one with the same key. Thread-safe.
 */
public final class LocalNodeMetadata {

    /** Key of the application's service id, {@code spring.application.name}. */
    public static final String SERVICE_ID = "service-id";

    /** Key of the port the application's web server is bound to. */
    public static final String HTTP_PORT = "http-port";

    private final Map<String, String> configured;
    private final Map<String, String> published = new ConcurrentHashMap<>();

    /**
     * @param configured the pairs of {@code memberlist.meta}
     * @throws IllegalArgumentException when they do not fit in {@link MemberlistConfig#META_MAX_SIZE} bytes
     */
    public LocalNodeMetadata(Map<String, String> configured) {
        this.configured = Map.copyOf(configured);
        checkSize(this.configured);
    }

    /**
     * Adds or replaces a published pair; announce it with {@code Memberlist.updateNode} when the node
     * already runs.
     *
     * @param key the key
     * @param value the value
     * @throws IllegalArgumentException when the metadata would no longer fit in {@link MemberlistConfig#META_MAX_SIZE} bytes
     */
    public synchronized void publish(String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(published);
        next.put(key, value);
        next.putAll(configured);
        checkSize(next);
        published.put(key, value);
    }

    /** @return every pair, configured ones winning over published ones */
    public Map<String, String> pairs() {
        Map<String, String> pairs = new LinkedHashMap<>(published);
        pairs.putAll(configured);
        return pairs;
    }

    /** @return the pairs in the {@link NodeMetadata} encoding */
    public byte[] encode() {
        return NodeMetadata.encode(pairs());
    }

    private static void checkSize(Map<String, String> pairs) {
        int size = NodeMetadata.encode(pairs).length;
        if (size > MemberlistConfig.META_MAX_SIZE) {
            throw new IllegalArgumentException("metadata encodes to " + size + " bytes; at most "
                    + MemberlistConfig.META_MAX_SIZE + " are allowed");
        }
    }
}
