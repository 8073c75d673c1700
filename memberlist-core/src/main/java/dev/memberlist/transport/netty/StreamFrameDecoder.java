package dev.memberlist.transport.netty;

import dev.memberlist.wire.StreamFramer;
import dev.memberlist.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Finds the one message a stream carries with a {@link StreamFramer} and emits it as a {@code byte[]},
 * then stops reading: a stream holds one request and at most one response. Bytes after the frame are
 * discarded. Bytes that are no frame fail with a {@link io.netty.handler.codec.DecoderException} whose
 * cause is the {@link WireFormatException}, and a frame that needs more buffer than the shared
 * {@link StreamBufferBudget} has left fails with a {@link StreamBufferBudgetException} as the cause;
 * everything after either is discarded. The buffer is given back to the budget when the handler is
 * removed, which closing the channel does.
 */
final class StreamFrameDecoder extends ByteToMessageDecoder {

    private final FrameAccumulator accumulator;
    private boolean finished;

    StreamFrameDecoder(StreamFramer.Side side, int maxFrameBytes, StreamBufferBudget budget) {
        this.accumulator = new FrameAccumulator(side, maxFrameBytes, budget);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            in.skipBytes(in.readableBytes());
            return;
        }
        byte[] frame;
        try {
            frame = accumulator.add(in);
        } catch (WireFormatException | StreamBufferBudgetException e) {
            finished = true;
            throw e;
        }
        if (frame != null) {
            finished = true;
            ctx.channel().config().setAutoRead(false);
            out.add(frame);
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        accumulator.release();
    }
}
