package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Mutual TLS for every stream ({@code memberlist.tls.*}), over TCP or QUIC alike (beyond Go: a
 * cluster with TLS cannot include Go nodes).
 */
public class TlsProperties {

    /**
     * Name of the SSL bundle (spring.ssl.bundle.*) whose key and trust material secure every stream
     * with mutual TLS; its reloads rotate the certificates. Required by QUIC streams. Unset: plain
     * TCP, as Go.
     */
    private @Nullable String bundle;

    public @Nullable String getBundle() {
        return bundle;
    }

    public void setBundle(@Nullable String bundle) {
        this.bundle = bundle;
    }
}
