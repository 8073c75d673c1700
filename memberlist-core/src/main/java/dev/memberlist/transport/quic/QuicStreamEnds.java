package dev.memberlist.transport.quic;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;
import io.netty.handler.codec.quic.QuicStreamChannel;

/**
 * Ends a QUIC stream as a one-message stream ends. The one message written to it carries the FIN, so
 * the peer sees the end together with the frame and each side releases the stream once it has read
 * the other's FIN. A stream closed before the peer's FIN arrived (a deadline, a refused frame, a
 * failure) also stops reading, which tells the peer to stop sending (STOP_SENDING) and lets QUIC drop
 * what it buffered for the stream rather than hold it until the connection ends.
 */
@ChannelHandler.Sharable
final class QuicStreamEnds extends ChannelOutboundHandlerAdapter {

    static final QuicStreamEnds INSTANCE = new QuicStreamEnds();
    /** The application error code sent with STOP_SENDING: the stream was closed unread, nothing more. */
    private static final int CLOSED_UNREAD = 0;

    private QuicStreamEnds() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg instanceof ByteBuf bytes ? new DefaultQuicStreamFrame(bytes, true) : msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
        if (stream.isActive() && !stream.isInputShutdown()) {
            stream.shutdownInput(CLOSED_UNREAD);
        }
        ctx.close(promise);
    }
}
