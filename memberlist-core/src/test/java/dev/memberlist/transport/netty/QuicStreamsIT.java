package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.tls.CountingTrustManagerFactory;
import dev.memberlist.transport.tls.StreamTls;
import dev.memberlist.transport.tls.TestCertificates;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stream contract on QUIC, and what only QUIC does: one connection per peer carrying a stream
 * per exchange, and its own UDP port at gossip port + offset.
 */
class QuicStreamsIT extends AuthenticatedStreamTransportContract {

    @Override
    MemberlistConfig.Builder streams(MemberlistConfig.Builder config, StreamTls tls) {
        return config.streamLayer(StreamLayer.QUIC).streamTls(tls).tcpTimeout(Duration.ofSeconds(5));
    }

    @Test
    void manyExchangesWithAPeerShareOneHandshake() {
        TestCertificates ca = TestCertificates.authority("cluster-ca");
        CountingTrustManagerFactory bTrust = new CountingTrustManagerFactory(ca.trustManagers());
        NettyTransport a = start("a", new RecordingTransportHandler(), ca.streamTlsFor("a"), UnaryOperator.identity());
        NettyTransport b = start("b", new RecordingTransportHandler(request -> ACK),
                StreamTls.of(ca.issue("b").keyManagers(), bTrust), UnaryOperator.identity());

        for (int i = 0; i < 10; i++) {
            assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);
            assertThat(join(a.send(b.advertiseAddress(), PING, WAIT))).isNull();
        }

        assertThat(bTrust.clientChecks()).as("client certificates b checked").isEqualTo(1);
    }

    @Test
    void quicRunsOnNioAndOnIpv6Loopback() {
        TestCertificates ca = TestCertificates.authority("cluster-ca");
        for (String address : List.of("127.0.0.1", "::1")) {
            NettyTransport a = start(new RecordingTransportHandler(), IoMode.nio(), node("a", address, ca));
            NettyTransport b = start(new RecordingTransportHandler(request -> ACK), IoMode.nio(), node("b", address, ca));

            assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).as(address).isEqualTo(ACK);
        }
    }

    private MemberlistConfig node(String name, String address, TestCertificates ca) {
        return streams(MemberlistConfig.local().name(name).bindAddress(address).bindPort(0), ca.streamTlsFor(name)).build();
    }

    @Test
    void listensOnTheGossipPortPlusTheOffsetAndAdvertisesTheGossipPort() {
        NettyTransport a = start("a", new RecordingTransportHandler(), config -> config.quicPortOffset(3));
        int gossip = a.advertiseAddress().getPort();

        assertThat(a.boundAddress().getPort()).isEqualTo(gossip);
        assertThatThrownBy(() -> new DatagramSocket(new InetSocketAddress(a.boundAddress().getAddress(), gossip + 3)).close())
                .as("QUIC holds UDP port gossip + 3").isInstanceOf(BindException.class);
    }

    @Test
    void aTakenQuicPortFailsTheStartWithAClearMessage() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket quicPortTaken = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            int gossip = quicPortTaken.getLocalPort() - 1;
            MemberlistConfig config = streams(MemberlistConfig.local().name("taken").bindAddress("127.0.0.1").bindPort(gossip),
                    TestCertificates.authority("ca").streamTlsFor("taken")).build();
            NettyTransport transport = new NettyTransport(config);

            assertThatThrownBy(() -> transport.start(new RecordingTransportHandler()))
                    .isInstanceOf(MemberlistException.class)
                    .hasMessage("failed to bind 127.0.0.1:" + (gossip + 1) + " (QUIC): Address already in use");
        }
    }
}
