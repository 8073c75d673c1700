package dev.memberlist.transport.netty;

import dev.memberlist.transport.InboundPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

class DatagramPacketHandlerTest {

    @RegisterExtension
    static final NoNettyLeaks LEAKS = NoNettyLeaks.collectingAfterAll();

    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.7", 7946);
    private static final InetSocketAddress RECIPIENT = new InetSocketAddress("127.0.0.1", 7946);

    private final RecordingTransportHandler handler = new RecordingTransportHandler();
    private final EmbeddedChannel channel = new EmbeddedChannel(new DatagramPacketHandler(handler));

    @Test
    void datagramIsCopiedOutWithItsSenderAndItsBufferReleased() {
        ByteBuf content = ByteBufAllocator.DEFAULT.directBuffer().writeBytes(new byte[] {1, 2, 3, 4});
        long before = System.nanoTime();

        channel.writeInbound(new DatagramPacket(content, RECIPIENT, SENDER));

        InboundPacket packet = handler.packets.poll();
        assertThat(packet).isNotNull();
        assertThat(packet.payload()).containsExactly(1, 2, 3, 4);
        assertThat(packet.from()).isEqualTo(SENDER);
        assertThat(packet.receivedAtNanos()).isBetween(before, System.nanoTime());
        assertThat(content.refCnt()).isZero();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void emptyDatagramIsDroppedAndReleased() {
        ByteBuf content = ByteBufAllocator.DEFAULT.directBuffer();

        channel.writeInbound(new DatagramPacket(content, RECIPIENT, SENDER));

        assertThat(handler.packets).isEmpty();
        assertThat(content.refCnt()).isZero();
        assertThat(channel.finish()).isFalse();
    }
}
