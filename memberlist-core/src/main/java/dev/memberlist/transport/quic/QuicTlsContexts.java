package dev.memberlist.transport.quic;

import dev.memberlist.transport.tls.StreamTls;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.ClientAuth;

/**
 * The QUIC TLS contexts for one {@link StreamTls}: mutual TLS 1.3, ALPN {@value #ALPN}. Built once;
 * their key and trust managers read the current material at every handshake, so a rotated
 * certificate or CA counts from the next connection on.
 *
 * @param server requires a client certificate the trust material vouches for
 * @param client shows this member's certificate and checks the server's
 */
record QuicTlsContexts(QuicSslContext server, QuicSslContext client) {

    /** The application protocol members negotiate; a peer speaking anything else is refused. */
    static final String ALPN = "memberlist/1";

    static QuicTlsContexts of(StreamTls tls) {
        RotatingKeyManager keys = new RotatingKeyManager(tls);
        RotatingTrustManager trust = new RotatingTrustManager(tls);
        QuicSslContext server = QuicSslContextBuilder.forServer(keys, null)
                .trustManager(trust)
                .clientAuth(ClientAuth.REQUIRE)
                .applicationProtocols(ALPN)
                .build();
        // Members are addressed by IP and trusted by issuer (see StreamTls), so no host name check.
        QuicSslContext client = QuicSslContextBuilder.forClient()
                .keyManager(keys, null)
                .trustManager(trust)
                .endpointIdentificationAlgorithm(null)
                .applicationProtocols(ALPN)
                .build();
        return new QuicTlsContexts(server, client);
    }
}
