package dev.memberlist.transport.netty;

import dev.memberlist.wire.StreamFramer;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Collects a stream's bytes until {@link StreamFramer} finds a complete frame. Bytes are copied out
 * of each Netty buffer, so the caller can release it at once. Not thread-safe (one per channel).
 */
final class FrameAccumulator {

    private final StreamFramer framer;
    private byte[] bytes = new byte[512];
    private int size;

    FrameAccumulator(StreamFramer.Side side, int maxFrameBytes) {
        this.framer = new StreamFramer(side, maxFrameBytes);
    }

    /**
     * @param chunk newly read bytes (not released here)
     * @return the complete frame, or null when more bytes are needed
     * @throws dev.memberlist.wire.WireFormatException for bytes that are no frame
     */
    byte[] add(ByteBuf chunk) {
        int readable = chunk.readableBytes();
        if (size + readable > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + readable, bytes.length * 2));
        }
        chunk.readBytes(bytes, size, readable);
        size += readable;
        int frame = framer.frameLength(bytes, 0, size);
        return frame < 0 ? null : Arrays.copyOf(bytes, frame);
    }
}
