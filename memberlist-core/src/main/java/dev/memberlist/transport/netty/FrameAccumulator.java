package dev.memberlist.transport.netty;

import dev.memberlist.wire.StreamFramer;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Collects a stream's bytes until {@link StreamFramer} finds a complete frame. Bytes are copied out
 * of each Netty buffer, so the caller can release it at once. Every byte of buffer it allocates is
 * first reserved from a {@link StreamBufferBudget}, and given back by {@link #release()}; once the
 * frame is complete only the frame's own bytes stay reserved. Not thread-safe (one per channel).
 */
final class FrameAccumulator {

    private static final int INITIAL_CAPACITY = 512;

    private final StreamFramer framer;
    private final StreamBufferBudget budget;
    // One byte past the frame limit is enough for the framer to tell that a frame is too large.
    private final int maxBufferedBytes;
    private byte[] bytes = new byte[0];
    private int size;
    private long reservedBytes;

    FrameAccumulator(StreamFramer.Side side, int maxFrameBytes, StreamBufferBudget budget) {
        this.framer = new StreamFramer(side, maxFrameBytes);
        this.budget = budget;
        this.maxBufferedBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxFrameBytes + 1L);
    }

    /**
     * @param chunk newly read bytes (not released here; bytes beyond what a frame can need are left unread)
     * @return the complete frame, or null when more bytes are needed
     * @throws dev.memberlist.wire.WireFormatException for bytes that are no frame
     * @throws StreamBufferBudgetException when the budget cannot cover the buffer the bytes need
     */
    byte[] add(ByteBuf chunk) {
        int taken = Math.min(chunk.readableBytes(), maxBufferedBytes - size);
        ensureCapacity(size + taken);
        chunk.readBytes(bytes, size, taken);
        size += taken;
        int frame = framer.frameLength(bytes, 0, size);
        if (frame < 0) {
            return null;
        }
        byte[] complete = Arrays.copyOf(bytes, frame);
        bytes = new byte[0];
        size = 0;
        budget.release(reservedBytes - frame);
        reservedBytes = frame;
        return complete;
    }

    /** Gives back everything reserved; called once the stream is closed. */
    void release() {
        budget.release(reservedBytes);
        reservedBytes = 0;
    }

    private void ensureCapacity(int needed) {
        if (needed <= bytes.length) {
            return;
        }
        // Powers of two keep copying linear and make what a stream reserves depend only on how many
        // bytes it holds; when the budget is short, what the bytes need is enough.
        long wanted = Math.min(maxBufferedBytes, Math.max(INITIAL_CAPACITY, Long.highestOneBit(needed - 1L) << 1));
        long growth = budget.reserve(needed - bytes.length, wanted - bytes.length);
        if (growth == 0) {
            throw new StreamBufferBudgetException("streams already buffer " + budget.reservedBytes() + " of "
                    + budget.limitBytes() + " bytes; this one needs " + (needed - bytes.length) + " more");
        }
        reservedBytes += growth;
        bytes = Arrays.copyOf(bytes, (int) (bytes.length + growth));
    }
}
