package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import dev.memberlist.wire.StreamFramer;
import dev.memberlist.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.CompletableFuture;

/** The initiator's side of an exchange: reads one response frame into the result, then closes. */
final class StreamResponseHandler extends ChannelInboundHandlerAdapter {

    private final CompletableFuture<byte[]> result;
    private final FrameAccumulator accumulator;

    StreamResponseHandler(CompletableFuture<byte[]> result, int maxFrameBytes) {
        this.result = result;
        this.accumulator = new FrameAccumulator(StreamFramer.Side.RESPONSE, maxFrameBytes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (result.isDone()) {
                return;
            }
            byte[] frame = accumulator.add((ByteBuf) msg);
            if (frame != null) {
                result.complete(frame);
                ctx.close();
            }
        } catch (WireFormatException e) {
            result.completeExceptionally(e);
            ctx.close();
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        result.completeExceptionally(new MemberlistException("connection to " + ctx.channel().remoteAddress()
                + " closed without a response"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        result.completeExceptionally(cause);
        ctx.close();
    }
}
