package dev.memberlist.transport.quic;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;

/**
 * Ends a QUIC stream with the one message written to it: a stream carries one request or one
 * response, so the FIN travels with its last bytes. The peer sees the end together with the frame,
 * and the stream is released on both sides as soon as each has read the other's FIN.
 */
@ChannelHandler.Sharable
final class FinOnReply extends ChannelOutboundHandlerAdapter {

    static final FinOnReply INSTANCE = new FinOnReply();

    private FinOnReply() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg instanceof ByteBuf bytes ? new DefaultQuicStreamFrame(bytes, true) : msg, promise);
    }
}
