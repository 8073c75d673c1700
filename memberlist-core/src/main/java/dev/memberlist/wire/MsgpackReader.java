package dev.memberlist.wire;

import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.MessageIntegerOverflowException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads msgpack the way Go's decoders accept it: strings and byte slices from the raw string family
 * (fixstr, str8/16/32) or bin, byte slices also from arrays of small integers, integers in any
 * signed or unsigned form, and nil as the zero value. Every failure becomes a
 * {@link WireFormatException}; lengths are checked against the input before anything is allocated.
 * One instance reads one input; not thread-safe.
 */
final class MsgpackReader {

    private final MessageUnpacker unpacker;
    private final int length;

    MsgpackReader(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "input range out of bounds");
        }
        this.unpacker = MessagePack.newDefaultUnpacker(buf, offset, length);
        this.length = length;
    }

    /** @return how many bytes have been consumed */
    int consumed() {
        return (int) unpacker.getTotalReadBytes();
    }

    /** @return the entry count of a map header */
    int mapHeader() {
        try {
            if (unpacker.getNextFormat() == MessageFormat.NIL) {
                unpacker.unpackNil();
                return 0;
            }
            int entries = unpacker.unpackMapHeader();
            if (entries < 0) {
                throw malformed("negative map size");
            }
            return entries;
        } catch (IOException | MessagePackException e) {
            throw translate(e);
        }
    }

    /**
     * Reads a map key and compares it with the known keys without building a String.
     *
     * @param keys the known keys as UTF-8 bytes
     * @return the index of the matching key, or -1 for an unknown key
     */
    int key(byte[][] keys) {
        try {
            MessageFormat format = unpacker.getNextFormat();
            int size = switch (format.getValueType()) {
                case STRING -> unpacker.unpackRawStringHeader();
                case BINARY -> unpacker.unpackBinaryHeader();
                default -> {
                    unpacker.skipValue();
                    yield -1;
                }
            };
            if (size < 0) {
                return -1;
            }
            requireAvailable(size);
            byte[] name = unpacker.readPayload(size);
            for (int i = 0; i < keys.length; i++) {
                if (Arrays.equals(keys[i], name)) {
                    return i;
                }
            }
            return -1;
        } catch (IOException | MessagePackException e) {
            throw translate(e);
        }
    }

    /** Skips one value of any type, however nested. */
    void skip() {
        try {
            unpacker.skipValue();
        } catch (IOException | MessagePackException e) {
            throw translate(e);
        }
    }

    String string() {
        try {
            MessageFormat format = unpacker.getNextFormat();
            switch (format.getValueType()) {
                case NIL -> {
                    unpacker.unpackNil();
                    return "";
                }
                case STRING, BINARY -> {
                    int size = format.getValueType() == org.msgpack.value.ValueType.STRING
                            ? unpacker.unpackRawStringHeader() : unpacker.unpackBinaryHeader();
                    requireAvailable(size);
                    return new String(unpacker.readPayload(size), StandardCharsets.UTF_8);
                }
                default -> throw malformed("expected a string, got " + format);
            }
        } catch (IOException | MessagePackException e) {
            throw translate(e);
        }
    }

    Bytes bytes() {
        try {
            MessageFormat format = unpacker.getNextFormat();
            switch (format.getValueType()) {
                case NIL -> {
                    unpacker.unpackNil();
                    return Bytes.NIL;
                }
                case STRING, BINARY -> {
                    int size = format.getValueType() == org.msgpack.value.ValueType.STRING
                            ? unpacker.unpackRawStringHeader() : unpacker.unpackBinaryHeader();
                    requireAvailable(size);
                    return Bytes.wrap(unpacker.readPayload(size));
                }
                case ARRAY -> {
                    int size = unpacker.unpackArrayHeader();
                    requireAvailable(size);
                    byte[] out = new byte[size];
                    for (int i = 0; i < size; i++) {
                        out[i] = (byte) integer(0, 255, "byte array element");
                    }
                    return Bytes.wrap(out);
                }
                default -> throw malformed("expected bytes, got " + format);
            }
        } catch (IOException | MessagePackException e) {
            throw translate(e);
        }
    }

    /**
     * Reads an integer in any msgpack form and checks its range.
     *
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @param field the field name, for the error
     * @return the value
     */
    long integer(long min, long max, String field) {
        try {
            MessageFormat format = unpacker.getNextFormat();
            switch (format.getValueType()) {
                case NIL -> {
                    unpacker.unpackNil();
                    return 0;
                }
                case INTEGER -> {
                    long value = unpacker.unpackLong();
                    if (value < min || value > max) {
                        throw new WireFormatException(WireFormatException.Reason.OUT_OF_RANGE,
                                field + " out of range [" + min + ", " + max + "]: " + value);
                    }
                    return value;
                }
                default -> throw malformed("expected an integer for " + field + ", got " + format);
            }
        } catch (MessageIntegerOverflowException e) {
            throw new WireFormatException(WireFormatException.Reason.OUT_OF_RANGE, field + " out of range", e);
        } catch (IOException | MessagePackException e) {
            throw translate(e);
        }
    }

    boolean bool(String field) {
        try {
            MessageFormat format = unpacker.getNextFormat();
            switch (format.getValueType()) {
                case NIL -> {
                    unpacker.unpackNil();
                    return false;
                }
                case BOOLEAN -> {
                    return unpacker.unpackBoolean();
                }
                default -> throw malformed("expected a boolean for " + field + ", got " + format);
            }
        } catch (IOException | MessagePackException e) {
            throw translate(e);
        }
    }

    private void requireAvailable(int size) {
        if (size < 0 || size > length - consumed()) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED,
                    "a value of " + size + " bytes runs past the end of the input");
        }
    }

    private static WireFormatException malformed(String message) {
        return new WireFormatException(WireFormatException.Reason.MALFORMED, message);
    }

    private static WireFormatException translate(Exception e) {
        if (e instanceof WireFormatException wire) {
            return wire;
        }
        if (e instanceof MessageInsufficientBufferException) {
            return new WireFormatException(WireFormatException.Reason.TRUNCATED, "input ends inside a msgpack value", e);
        }
        if (e instanceof MessageSizeException) {
            return new WireFormatException(WireFormatException.Reason.OVERSIZED, "a msgpack length exceeds 2^31 - 1", e);
        }
        if (e instanceof MessageTypeException) {
            return new WireFormatException(WireFormatException.Reason.MALFORMED, "unexpected msgpack type: " + e.getMessage(), e);
        }
        return new WireFormatException(WireFormatException.Reason.MALFORMED, "invalid msgpack: " + e, e);
    }
}
