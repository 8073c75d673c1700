package dev.memberlist.bench.streams;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.tls.TestCertificates;

import java.time.Duration;

/** The stream layers compared: how each node of a pair is configured. */
enum StreamSetup {

    TCP("TCP"),
    TCP_TLS("TCP+TLS"),
    QUIC("QUIC");

    private static final TestCertificates CA = TestCertificates.authority("bench-ca");

    private final String label;

    StreamSetup(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** @return a node on 127.0.0.1, a free port, with this layer's streams */
    MemberlistConfig config(String name) {
        MemberlistConfig.Builder config = MemberlistConfig.local().name(name).bindAddress("127.0.0.1").bindPort(0)
                .tcpTimeout(Duration.ofSeconds(10));
        return switch (this) {
            case TCP -> config.build();
            case TCP_TLS -> config.streamTls(CA.streamTlsFor(name)).build();
            case QUIC -> config.streamTls(CA.streamTlsFor(name)).streamLayer(StreamLayer.QUIC).build();
        };
    }
}
