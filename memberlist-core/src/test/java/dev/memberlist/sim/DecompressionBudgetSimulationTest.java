package dev.memberlist.sim;

import dev.memberlist.RecordingTelemetry;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Compress;
import dev.memberlist.wire.Lzw;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.PacketCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A datagram built to decompress far beyond {@link PacketCodec#MAX_DECOMPRESSED_BYTES}, sent from
 * outside the cluster, is dropped and counted by its reason; the node goes on working.
 */
class DecompressionBudgetSimulationTest {

    private static final long SEED = 11;

    @Test
    void aDecompressionBombIsDroppedAndCountedWhileTheClusterCarriesOn() {
        RecordingTelemetry telemetry = new RecordingTelemetry();
        SimCluster cluster = SimCluster.builder().seed(SEED).nodes(3).converged(true).telemetry(name -> telemetry).build();
        Transport attacker = cluster.network().transport(SimulatedNetwork.address(99), cluster.scheduler().forNode("attacker"));
        attacker.start(new IgnoringHandler());
        // 32 MiB of zeros compress to some 25 KiB: a datagram that fits in one UDP packet.
        byte[] bomb = MessageCodec.encode(new Compress(Compress.LZW, Bytes.copyOf(Lzw.compress(new byte[32 << 20]))));
        assertThat(bomb.length).isLessThan(65_507);

        attacker.sendPacket(cluster.address("n0"), bomb);
        cluster.runFor(Duration.ofSeconds(5));

        assertThat(telemetry.dropped("decompression_budget")).as("seed %d: drops counted", SEED).isEqualTo(1);
        assertThat(cluster.converged()).as("%s still converged", cluster).isTrue();
        assertThat(telemetry.suspected()).as("%s suspicions", cluster).isEmpty();
    }

    /** The attacker reads nothing. */
    private static final class IgnoringHandler implements TransportHandler {
        @Override
        public void onPacket(InboundPacket packet) {
        }

        @Override
        public void onStream(InboundStream stream) {
            stream.close();
        }
    }
}
