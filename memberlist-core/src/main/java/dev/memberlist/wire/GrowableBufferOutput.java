package dev.memberlist.wire;

import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

import java.util.Arrays;

/**
 * A msgpack output that packs straight into one growing array, so encoding a message costs one
 * working array and one exact-size copy (msgpack-core's own buffer packer keeps a chunk list).
 * Not thread-safe; one instance per encode call.
 */
final class GrowableBufferOutput implements MessageBufferOutput {

    private byte[] array;
    private int size;

    GrowableBufferOutput(int initialCapacity) {
        array = new byte[initialCapacity];
    }

    /** @return the bytes written so far, in an array of exactly that length */
    byte[] toByteArray() {
        return size == array.length ? array : Arrays.copyOf(array, size);
    }

    @Override
    public MessageBuffer next(int minimumSize) {
        ensureRoom(minimumSize);
        return MessageBuffer.wrap(array, size, array.length - size);
    }

    @Override
    public void writeBuffer(int length) {
        size += length;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(buffer, offset, array, size, length);
        size += length;
    }

    @Override
    public void add(byte[] buffer, int offset, int length) {
        write(buffer, offset, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    private void ensureRoom(int length) {
        if (array.length - size < length) {
            array = Arrays.copyOf(array, Math.max(size + length, array.length * 2));
        }
    }
}
