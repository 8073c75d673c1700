package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.StreamLayerUnavailableException;
import dev.memberlist.transport.tls.TestCertificates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamCarriersTest {

    private static final MemberlistConfig QUIC = MemberlistConfig.local().name("a").streamLayer(StreamLayer.QUIC)
            .streamTls(TestCertificates.authority("ca").streamTlsFor("a")).build();

    @Test
    void quicWithoutItsLibrariesFailsNamingTheArtifactsToAdd() {
        StreamCarrierContext context = new StreamCarrierContext(QUIC, null, null, null, null, null);

        assertThatThrownBy(() -> StreamCarriers.quic(context, "dev.memberlist.transport.quic.AbsentCarrier"))
                .isInstanceOf(StreamLayerUnavailableException.class)
                .hasMessageContaining("io.netty:netty-codec-classes-quic")
                .hasMessageContaining("io.netty:netty-codec-native-quic")
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void quicLoadsWhenItsLibrariesAreThere() {
        StreamCarrierContext context = new StreamCarrierContext(QUIC, null, null, NettyTransport.ALLOCATOR, null, null);

        assertThat(StreamCarriers.create(context, IoMode.nio())).isNotInstanceOf(TcpStreamCarrier.class)
                .extracting(carrier -> carrier.getClass().getName()).isEqualTo(StreamCarriers.QUIC_CARRIER);
    }
}
