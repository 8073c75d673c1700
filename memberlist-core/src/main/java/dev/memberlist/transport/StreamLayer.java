package dev.memberlist.transport;

/**
 * Which protocol carries a node's streams (push/pull, reliable user messages, fallback pings).
 * Gossip and probes always travel as UDP datagrams on the gossip port. Every member of a cluster
 * must use the same stream layer.
 */
public enum StreamLayer {

    /**
     * TCP on the gossip port, as Go memberlist does; plain, or with mutual TLS when
     * {@link dev.memberlist.MemberlistConfig#streamTls()} is set.
     */
    TCP,

    /**
     * QUIC (beyond Go): every stream is a QUIC stream on one long-lived connection per peer, secured
     * with the mutual TLS of {@link dev.memberlist.MemberlistConfig#streamTls()}, which QUIC requires.
     * It listens on UDP port <em>gossip port + {@link dev.memberlist.MemberlistConfig#quicPortOffset()}</em>;
     * since every member uses the same offset, a peer's QUIC port follows from the gossip address
     * already known for it (seeds included), and no metadata carries it. Needs
     * {@code io.netty:netty-codec-classes-quic} and {@code io.netty:netty-codec-native-quic} (with the
     * platform's classifier, for example {@code linux-x86_64}) on the classpath.
     */
    QUIC
}
