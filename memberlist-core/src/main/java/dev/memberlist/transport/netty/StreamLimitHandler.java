package dev.memberlist.transport.netty;

import dev.memberlist.Telemetry;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits at most {@code maxOpen} inbound streams at once and closes any other at once, as Go refuses
 * push/pull requests beyond its limit. One instance per transport, shared by its connections.
 */
@ChannelHandler.Sharable
final class StreamLimitHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(StreamLimitHandler.class);

    private final int maxOpen;
    private final Telemetry telemetry;
    private final AtomicInteger open = new AtomicInteger();

    StreamLimitHandler(int maxOpen, Telemetry telemetry) {
        this.maxOpen = maxOpen;
        this.telemetry = telemetry;
    }

    /** @return how many admitted streams are open now */
    int openStreams() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int before = open.getAndUpdate(n -> n < maxOpen ? n + 1 : n);
        if (before >= maxOpen) {
            telemetry.inputDropped("too_many_streams");
            log.warn("Refusing a stream from {}: {} streams are already open", ctx.channel().remoteAddress(), maxOpen);
            ctx.close();
            return;
        }
        ctx.channel().closeFuture().addListener(closed -> open.decrementAndGet());
        ctx.fireChannelActive();
    }
}
