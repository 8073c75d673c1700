package dev.memberlist.transport.netty;

import dev.memberlist.Telemetry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs an inbound stream whose TLS handshake failed (no certificate, an untrusted one,
 * plaintext from a node without TLS, or a peer that gave up before the handshake finished), as
 * dropped input {@code tls_refused}; the TLS handler has already closed it. Logged at INFO, not
 * WARN: an unreachable or overloaded peer that abandons handshakes must not flood the log. One per accepted stream, right after the TLS handler.
 */
final class TlsRefusalHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(TlsRefusalHandler.class);

    private final Telemetry telemetry;

    TlsRefusalHandler(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            telemetry.inputDropped("tls_refused");
            log.info("Refused a stream from {}: TLS handshake failed: {}", ctx.channel().remoteAddress(),
                    handshake.cause().getMessage());
            ctx.close();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed handshake also surfaces here as a DecoderException; it was counted above.
        ctx.close();
    }
}
