package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;

import java.util.concurrent.CompletableFuture;

/**
 * The initiator's side of an exchange: completes the result with the response frame from
 * {@link StreamFrameDecoder} and closes; fails it when the stream fails or ends first.
 */
final class StreamResponseHandler extends ChannelInboundHandlerAdapter {

    private final CompletableFuture<byte[]> result;

    StreamResponseHandler(CompletableFuture<byte[]> result) {
        this.result = result;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        result.complete((byte[]) msg);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        result.completeExceptionally(new MemberlistException("connection to " + ctx.channel().remoteAddress()
                + " closed without a response"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        result.completeExceptionally(cause instanceof DecoderException && cause.getCause() != null
                ? cause.getCause() : cause);
        ctx.close();
    }
}
