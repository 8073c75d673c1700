package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import dev.memberlist.transport.tls.StreamTls;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Netty's TLS contexts for one {@link StreamTls}: a server context that requires a client
 * certificate, and a client context that shows one. Built again when the material changes, so a
 * rotated certificate is used from the next stream on. Thread-safe: streams open on several I/O
 * threads.
 */
final class StreamTlsContexts {

    private final StreamTls tls;
    private final Duration handshakeTimeout;
    private volatile Built built;

    StreamTlsContexts(StreamTls tls, Duration handshakeTimeout) {
        this.tls = tls;
        this.handshakeTimeout = handshakeTimeout;
    }

    /** @return a handler that accepts a stream only from a member with a trusted certificate */
    SslHandler serverHandler(ByteBufAllocator alloc) {
        return withTimeout(current().server().newHandler(alloc));
    }

    /**
     * @param peer the member the stream goes to; naming it lets a later stream to it resume the TLS
     *     session instead of a full handshake
     * @return a handler that opens a stream showing this member's certificate
     */
    SslHandler clientHandler(ByteBufAllocator alloc, InetSocketAddress peer) {
        return withTimeout(current().client().newHandler(alloc, peer.getHostString(), peer.getPort()));
    }

    private SslHandler withTimeout(SslHandler handler) {
        handler.setHandshakeTimeoutMillis(Math.max(1, handshakeTimeout.toMillis()));
        return handler;
    }

    private Built current() {
        StreamTls.Material material = tls.material();
        Built now = built;
        if (now == null || now.material() != material) {
            now = build(material);
            built = now;
        }
        return now;
    }

    private static Built build(StreamTls.Material material) {
        try {
            SslContext server = SslContextBuilder.forServer(material.keys())
                    .trustManager(material.trust())
                    .clientAuth(ClientAuth.REQUIRE)
                    .build();
            // Members are addressed by IP and trusted by issuer (see StreamTls), so no host name check.
            SslContext client = SslContextBuilder.forClient()
                    .keyManager(material.keys())
                    .trustManager(material.trust())
                    .endpointIdentificationAlgorithm(null)
                    .build();
            return new Built(material, server, client);
        } catch (SSLException e) {
            throw new MemberlistException("cannot set up TLS for streams: " + e.getMessage(), e);
        }
    }

    private record Built(StreamTls.Material material, SslContext server, SslContext client) {
    }
}
