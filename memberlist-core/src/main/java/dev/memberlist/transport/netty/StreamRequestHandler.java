package dev.memberlist.transport.netty;

import dev.memberlist.Telemetry;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.WireFormatException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The responder's side of one accepted stream: hands the request frame from {@link StreamFrameDecoder}
 * on as an {@link dev.memberlist.transport.InboundStream}. The whole stream, request and reply, has one
 * deadline from the moment it opens (Go sets one deadline on the connection); input that is no frame,
 * or a frame the shared stream buffer budget cannot hold, closes it.
 */
final class StreamRequestHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(StreamRequestHandler.class);

    private final TransportHandler handler;
    private final Telemetry telemetry;
    private final Duration deadline;
    private final InetSocketAddress remote;
    private ScheduledFuture<?> deadlineTask;

    /** @param remote the peer, as the engine sees it (a QUIC stream's own address is no socket address) */
    StreamRequestHandler(TransportHandler handler, Telemetry telemetry, Duration deadline, InetSocketAddress remote) {
        this.handler = handler;
        this.telemetry = telemetry;
        this.deadline = deadline;
        this.remote = remote;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadlineTask = ctx.executor().schedule(() -> {
            log.debug("Closing the stream from {}: it passed its deadline of {}", remote, deadline);
            ctx.close();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        handler.onStream(new ChannelInboundStream(ctx.channel(), remote, (byte[]) msg));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadlineTask != null) {
            deadlineTask.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable failure = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (failure instanceof WireFormatException) {
            WireFormatException wire = (WireFormatException) failure;
            telemetry.inputDropped("stream_" + wire.reason().name().toLowerCase(Locale.ROOT));
            log.warn("Closing a stream from {}: {}", remote, wire.getMessage());
        } else if (failure instanceof StreamBufferBudgetException) {
            telemetry.inputDropped("stream_buffer_budget");
            log.warn("Closing a stream from {}: {}", remote, failure.getMessage());
        } else {
            log.debug("Stream from {} failed: {}", remote, failure.toString());
        }
        ctx.close();
    }
}
