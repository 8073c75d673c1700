package dev.memberlist.transport.netty;

import dev.memberlist.Telemetry;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.StreamFramer;
import dev.memberlist.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The responder's side of one accepted connection: reads one request frame, hands it on as an
 * {@link InboundStream}, and ignores anything after it. The whole exchange has one deadline, and
 * too many connections at once are refused.
 */
final class StreamRequestHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(StreamRequestHandler.class);

    private final TransportHandler handler;
    private final Telemetry telemetry;
    private final Duration deadline;
    private final AtomicInteger open;
    private final int maxOpen;
    private final FrameAccumulator accumulator;
    private boolean counted;
    private boolean delivered;
    private ScheduledFuture<?> deadlineTask;

    StreamRequestHandler(TransportHandler handler, Telemetry telemetry, Duration deadline, AtomicInteger open,
                         int maxOpen, int maxFrameBytes) {
        this.handler = handler;
        this.telemetry = telemetry;
        this.deadline = deadline;
        this.open = open;
        this.maxOpen = maxOpen;
        this.accumulator = new FrameAccumulator(StreamFramer.Side.REQUEST, maxFrameBytes);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        if (open.incrementAndGet() > maxOpen) {
            telemetry.inputDropped("too_many_streams");
            log.warn("Refusing a stream from {}: {} streams already open", ctx.channel().remoteAddress(), maxOpen);
            ctx.close();
            return;
        }
        deadlineTask = ctx.executor().schedule(() -> {
            log.debug("Stream from {} passed its deadline of {}", ctx.channel().remoteAddress(), deadline);
            ctx.close();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (delivered || !ctx.channel().isActive()) {
                return;
            }
            byte[] frame = accumulator.add((ByteBuf) msg);
            if (frame != null) {
                delivered = true;
                handler.onStream(new ChannelStream(ctx.channel(), frame));
            }
        } catch (WireFormatException e) {
            telemetry.inputDropped("stream_" + e.reason().name().toLowerCase(Locale.ROOT));
            log.warn("Closing a stream from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            ctx.close();
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            open.decrementAndGet();
            counted = false;
        }
        if (deadlineTask != null) {
            deadlineTask.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Stream from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** An accepted stream as the engine sees it; reply and close are idempotent and thread-safe. */
    private static final class ChannelStream implements InboundStream {
        private final Channel channel;
        private final byte[] request;
        private final AtomicBoolean answered = new AtomicBoolean();

        ChannelStream(Channel channel, byte[] request) {
            this.channel = channel;
            this.request = request;
        }

        @Override
        public byte[] request() {
            return request;
        }

        @Override
        public InetSocketAddress remote() {
            return (InetSocketAddress) channel.remoteAddress();
        }

        @Override
        public void reply(byte[] response) {
            if (answered.compareAndSet(false, true)) {
                channel.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void close() {
            if (answered.compareAndSet(false, true)) {
                channel.close();
            }
        }
    }
}
