package dev.memberlist.transport.quic;

import dev.memberlist.Telemetry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts and logs an accepted QUIC connection whose TLS handshake did not succeed as dropped input
 * {@code tls_refused}, as TCP's TLS refusals are counted: this node refused the peer's certificate,
 * the peer refused this node's (it aborts before showing its own), or the peer gave up before the
 * handshake finished within the deadline (the stream timeout, as TCP's TLS handshake has). Logged at INFO: peers that abandon handshakes must not flood the log. One per
 * accepted connection.
 */
final class QuicRefusalHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(QuicRefusalHandler.class);

    private final Telemetry telemetry;
    private final Duration handshakeTimeout;
    private boolean settled; // on the connection's event loop only

    QuicRefusalHandler(Telemetry telemetry, Duration handshakeTimeout) {
        this.telemetry = telemetry;
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && !settled) {
            settled = true;
            if (!handshake.isSuccess()) {
                refused(ctx, handshake.cause().getMessage());
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // A peer that refuses this node's certificate may vanish without a word, and a connection that never
        // completes its handshake fires no channelInactive: a deadline settles it, as TCP's handshake timeout does.
        ScheduledFuture<?> deadline = ctx.executor().schedule(() -> {
            if (!settled) {
                settled = true;
                refused(ctx, "no handshake within " + handshakeTimeout.toMillis() + " ms");
                ctx.close();
            }
        }, handshakeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.channel().closeFuture().addListener(closed -> {
            deadline.cancel(false);
            if (!settled) {
                settled = true;
                refused(ctx, "the connection closed before the handshake finished");
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("QUIC connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void refused(ChannelHandlerContext ctx, String why) {
        telemetry.inputDropped("tls_refused");
        log.info("Refused a QUIC connection from {}: TLS handshake failed: {}", ctx.channel().remoteAddress(), why);
    }
}
