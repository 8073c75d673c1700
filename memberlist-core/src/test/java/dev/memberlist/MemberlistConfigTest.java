package dev.memberlist;

import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.tls.StreamTls;
import dev.memberlist.transport.tls.TestCertificates;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberlistConfigTest {

    // Go: DefaultLANConfig
    @Test
    void lanPresetHasGoDefaults() {
        MemberlistConfig c = MemberlistConfig.lan().name("a").build();

        assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(c.bindPort()).isEqualTo(7946);
        assertThat(c.protocolVersion()).isEqualTo(2);
        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.indirectChecks()).isEqualTo(3);
        assertThat(c.retransmitMult()).isEqualTo(4);
        assertThat(c.suspicionMult()).isEqualTo(4);
        assertThat(c.suspicionMaxTimeoutMult()).isEqualTo(6);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.awarenessMaxMultiplier()).isEqualTo(8);
        assertThat(c.gossipNodes()).isEqualTo(3);
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.gossipVerifyIncoming()).isTrue();
        assertThat(c.gossipVerifyOutgoing()).isTrue();
        assertThat(c.enableCompression()).isTrue();
        assertThat(c.handoffQueueDepth()).isEqualTo(1024);
        assertThat(c.udpBufferSize()).isEqualTo(1400);
        assertThat(c.deadNodeReclaimTime()).isZero();
        assertThat(c.queueCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.advertisedVersions()).isEqualTo(new ProtocolVersions(1, 5, 2, 0, 0, 0));
    }

    // Go: DefaultWANConfig
    @Test
    void wanPresetHasGoDefaults() {
        MemberlistConfig c = MemberlistConfig.wan().name("a").build();

        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.suspicionMult()).isEqualTo(6);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.gossipNodes()).isEqualTo(4);
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(60));
    }

    // Go: DefaultLocalConfig
    @Test
    void localPresetHasGoDefaults() {
        MemberlistConfig c = MemberlistConfig.local().name("a").build();

        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.indirectChecks()).isEqualTo(1);
        assertThat(c.retransmitMult()).isEqualTo(2);
        assertThat(c.suspicionMult()).isEqualTo(3);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void buildNamesTheBadKnob() {
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").probeTimeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.knob()).isEqualTo("probeTimeout"));
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").bindPort(70000).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.knob()).isEqualTo("bindPort");
                    assertThat(e.getMessage()).isEqualTo("bindPort: must be between 0 and 65535, was 70000");
                });
        assertThatThrownBy(() -> MemberlistConfig.lan().name(" ").build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.knob()).isEqualTo("name"));
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").label("x".repeat(256)).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.knob()).isEqualTo("label"));
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").protocolVersion(6).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.knob()).isEqualTo("protocolVersion"));
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").gossipInterval(Duration.ofMillis(-1)).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.knob()).isEqualTo("gossipInterval"));
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").inboundStreamBufferSize(64 * 1024).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.knob()).isEqualTo("inboundStreamBufferSize"));
    }

    @Test
    void inboundStreamsMayBufferSixtyFourMebibytesTogetherByDefault() {
        assertThat(MemberlistConfig.lan().name("a").build().inboundStreamBufferSize()).isEqualTo(64 * 1024 * 1024);
        assertThat(MemberlistConfig.lan().name("a").inboundStreamBufferSize(1024 * 1024).build().inboundStreamBufferSize())
                .isEqualTo(1024 * 1024);
    }

    @Test
    void streamsRunOverTcpByDefaultAndQuicListensOneAboveTheGossipPort() {
        MemberlistConfig c = MemberlistConfig.lan().name("a").build();

        assertThat(c.streamLayer()).isEqualTo(StreamLayer.TCP);
        assertThat(c.quicPortOffset()).isEqualTo(1);
    }

    @Test
    void quicStreamsWithoutTlsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").streamLayer(StreamLayer.QUIC).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.knob()).isEqualTo("streamLayer"))
                .hasMessageContaining("QUIC streams need streamTls");
        StreamTls tls = TestCertificates.authority("ca").streamTlsFor("a");
        assertThat(MemberlistConfig.lan().name("a").streamLayer(StreamLayer.QUIC).streamTls(tls).build().streamLayer())
                .isEqualTo(StreamLayer.QUIC);
    }

    @Test
    void quicPortOffsetMustLeaveTheGossipPort() {
        assertThatThrownBy(() -> MemberlistConfig.lan().name("a").quicPortOffset(0).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.knob()).isEqualTo("quicPortOffset"));
        assertThat(MemberlistConfig.lan().name("a").quicPortOffset(1000).build().quicPortOffset()).isEqualTo(1000);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        MemberlistConfig c = MemberlistConfig.wan().name("a").label("dc1").secretKey(new byte[16]).build();

        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.encryptionEnabled()).isTrue();
        assertThat(c.toString()).doesNotContain("[0, 0, 0");
    }

    @Test
    void defaultNameIsTheHostName() {
        assertThat(MemberlistConfig.lan().build().name()).isNotBlank();
    }
}
