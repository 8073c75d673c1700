package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.DatagramChannel;

/**
 * What a {@link StreamCarrier} shares with its transport. Internal, public only for the QUIC stream layer.
 *
 * @param config the node's configuration
 * @param group the transport's I/O threads
 * @param datagramChannel the UDP channel class that runs on them
 * @param allocator the buffers for every channel
 * @param channels every channel the transport closes when it closes; a carrier adds its own
 * @param pipelines the handlers every stream gets
 */
public record StreamCarrierContext(MemberlistConfig config, EventLoopGroup group,
                                   Class<? extends DatagramChannel> datagramChannel, ByteBufAllocator allocator,
                                   ChannelGroup channels, StreamPipelines pipelines) {
}
