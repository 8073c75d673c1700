package dev.memberlist.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes msgpack straight into one growing array, in the forms Go's codec (go-msgpack v0.5, as
 * vendored by memberlist 0.2.2) chooses: fixmap headers, the old raw-string family for strings and
 * byte slices (fixstr, str16, str32: never str8, never bin), and the smallest <em>unsigned</em> form
 * for every non-negative integer. Not thread-safe; one instance per encoded message or stream.
 *
 * <p>It is the encoding counterpart of {@link GoMsgpackReader}, and for the same reasons it is our
 * own code rather than msgpack-core's {@code MessagePacker}: the forms Go picks are a handful of
 * bytes, written here without a buffer wrapper per call, and without {@code sun.misc.Unsafe}, whose
 * memory-access methods JDK 23 and later deprecate for removal (JEP 471) and warn about at run time.
 */
final class GoMsgpackWriter {

    private static final int FIXMAP = 0x80;
    private static final int FIXSTR = 0xa0;
    private static final int NIL = 0xc0;
    private static final int FALSE = 0xc2;
    private static final int TRUE = 0xc3;
    private static final int UINT8 = 0xcc;
    private static final int UINT16 = 0xcd;
    private static final int UINT32 = 0xce;
    private static final int UINT64 = 0xcf;
    private static final int STR16 = 0xda;
    private static final int STR32 = 0xdb;

    private static final int MAX_FIXMAP_ENTRIES = 15;
    private static final int MAX_FIXSTR_LENGTH = 31;
    private static final int MAX_FIXINT = 0x7f;
    private static final int MAX_ASCII = 0x7f;

    private byte[] array;
    private int size;

    /** @param initialCapacity the expected size; the array grows past it when needed */
    GoMsgpackWriter(int initialCapacity) {
        array = new byte[Math.max(1, initialCapacity)];
    }

    /** @return the bytes written so far, in an array of exactly that length */
    byte[] toByteArray() {
        return size == array.length ? array : Arrays.copyOf(array, size);
    }

    /** Writes one byte as it is, such as a message type byte. */
    void writeByte(int value) {
        ensureRoom(1);
        array[size++] = (byte) value;
    }

    /** Writes bytes as they are: a prebuilt key, or raw user data after the msgpack objects. */
    void writeRaw(byte[] bytes) {
        ensureRoom(bytes.length);
        System.arraycopy(bytes, 0, array, size, bytes.length);
        size += bytes.length;
    }

    /** Every Go struct memberlist sends has at most 8 fields, so its map is always a fixmap. */
    void writeMapHeader(int entries) {
        if (entries < 0 || entries > MAX_FIXMAP_ENTRIES) {
            throw new IllegalArgumentException("a struct map holds 0.." + MAX_FIXMAP_ENTRIES + " fields: " + entries);
        }
        writeByte(FIXMAP | entries);
    }

    void writeBoolean(boolean value) {
        writeByte(value ? TRUE : FALSE);
    }

    /** Writes a non-negative integer in its smallest unsigned form, as Go does for uints and ints alike. */
    void writeUnsigned(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("not an unsigned value: " + value);
        }
        if (value <= MAX_FIXINT) {
            writeByte((int) value);
        } else if (value <= 0xff) {
            writeByte(UINT8);
            writeByte((int) value);
        } else if (value <= 0xffff) {
            writeByte(UINT16);
            writeBigEndian(value, 2);
        } else if (value <= 0xffff_ffffL) {
            writeByte(UINT32);
            writeBigEndian(value, 4);
        } else {
            writeByte(UINT64);
            writeBigEndian(value, 8);
        }
    }

    /**
     * Writes a Go string: raw-string header and UTF-8 bytes. Node names and addresses are ASCII,
     * so that case is copied char by char without an intermediate array; anything else is encoded
     * by the JDK.
     */
    void writeString(String value) {
        int mark = size;
        int length = value.length();
        writeRawHeader(length);
        ensureRoom(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c > MAX_ASCII) {
                size = mark;
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                writeRawHeader(utf8.length);
                writeRaw(utf8);
                return;
            }
            array[size++] = (byte) c;
        }
    }

    /** Writes a Go byte slice: msgpack nil for {@link Bytes#NIL}, otherwise a raw string of the bytes. */
    void writeBytes(Bytes value) {
        if (value.isNil()) {
            writeByte(NIL);
        } else {
            writeRawHeader(value.length());
            writeRaw(value.array());
        }
    }

    private void writeRawHeader(int length) {
        if (length <= MAX_FIXSTR_LENGTH) {
            writeByte(FIXSTR | length);
        } else if (length <= 0xffff) {
            writeByte(STR16);
            writeBigEndian(length, 2);
        } else {
            writeByte(STR32);
            writeBigEndian(length, 4);
        }
    }

    private void writeBigEndian(long value, int byteCount) {
        ensureRoom(byteCount);
        for (int shift = 8 * (byteCount - 1); shift >= 0; shift -= 8) {
            array[size++] = (byte) (value >>> shift);
        }
    }

    private void ensureRoom(int length) {
        if (array.length - size < length) {
            array = Arrays.copyOf(array, Math.max(size + length, array.length * 2));
        }
    }
}
