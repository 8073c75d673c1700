package dev.memberlist.transport.netty;

import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.TransportHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies each datagram into an {@link InboundPacket} and hands it on; the buffer is released after. */
@ChannelHandler.Sharable
final class DatagramPacketHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(DatagramPacketHandler.class);

    private final TransportHandler handler;

    DatagramPacketHandler(TransportHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        if (!content.isReadable()) {
            return;
        }
        byte[] bytes = new byte[content.readableBytes()];
        content.readBytes(bytes);
        handler.onPacket(new InboundPacket(bytes, packet.sender(), System.nanoTime()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("UDP receive failed on {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
