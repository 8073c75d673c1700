package dev.memberlist.wire;

import static dev.memberlist.wire.WireFormatException.Reason.MALFORMED;
import static dev.memberlist.wire.WireFormatException.Reason.OUT_OF_RANGE;
import static dev.memberlist.wire.WireFormatException.Reason.TRUNCATED;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one msgpack map straight from a byte array, as leniently as Go's decoders do
 * (PROTOCOL.md §2): strings and byte slices from any str or bin form, byte slices also from an
 * array of small integers, any integer form into any integer field, and nil into anything as its
 * zero value. One instance per decode call.
 *
 * <p>It does not use msgpack-core's {@code MessageUnpacker}: reading the array directly halves the
 * decode time (it compares keys in place and allocates nothing but the field values), and makes
 * every failure explicit. {@code TRUNCATED} is thrown exactly when the input ends before a value
 * does, and every length is checked against the remaining input before anything is allocated.
 */
final class GoMsgpackReader {

    /**
     * The most maps and arrays that may enclose a skipped value, counting the struct's own map, so
     * that skipping deeply nested garbage cannot exhaust the stack.
     */
    static final int MAX_SKIP_DEPTH = 32;

    private static final long MAX_U32 = 0xffff_ffffL;
    private static final int MAX_U16 = 0xffff;
    private static final int MAX_U8 = 0xff;

    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;
    private int keyStart;
    private int keyLength;

    GoMsgpackReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
    }

    /** @return how many input bytes have been read */
    int consumed() {
        return pos - start;
    }

    /** Reads a struct's map header; nil stands for a struct with every field zero. */
    int readMapHeader() {
        int format = peek();
        if ((format & 0xf0) == 0x80) {
            pos++;
            return format & 0x0f;
        }
        switch (format) {
            case 0xc0:
                pos++;
                return 0;
            case 0xde:
                return readLength(2);
            case 0xdf:
                return readLength(4);
            default:
                throw wrongType("a map", format);
        }
    }

    /** Reads the next key, to be tested with {@link #keyIs}; a nil key matches no field. */
    void readKey() {
        keyLength = Math.max(readRawHeader("a string key"), 0);
        keyStart = claim(keyLength);
    }

    /** @return whether the last key read is this field's name (exact, case-sensitive) */
    boolean keyIs(byte[] key) {
        if (keyLength != key.length - 1) {
            return false;
        }
        // Keys are a few bytes long: a plain loop beats the range checks of Arrays.equals.
        for (int i = 0; i < keyLength; i++) {
            if (buf[keyStart + i] != key[i + 1]) {
                return false;
            }
        }
        return true;
    }

    long readU32() {
        return readInRange(MAX_U32, "u32");
    }

    int readU16() {
        return (int) readInRange(MAX_U16, "u16");
    }

    int readU8() {
        return (int) readInRange(MAX_U8, "u8");
    }

    /** Reads a Go {@code int}; negative values are rejected, upper limits are the caller's. */
    long readGoInt() {
        return readInRange(Long.MAX_VALUE, "int");
    }

    /** Go also reads the fixints 0 and 1 as booleans. */
    boolean readBool() {
        int format = peek();
        switch (format) {
            case 0xc2, 0xc0, 0x00 -> {
                pos++;
                return false;
            }
            case 0xc3, 0x01 -> {
                pos++;
                return true;
            }
            default -> throw wrongType("a boolean", format);
        }
    }

    String readString() {
        int length = readRawHeader("a string");
        if (length <= 0) {
            return "";
        }
        return new String(buf, claim(length), length, StandardCharsets.UTF_8);
    }

    Bytes readBytes() {
        int format = peek();
        if (isArray(format)) {
            return readByteArray();
        }
        int length = readRawHeader("bytes");
        return length < 0 ? Bytes.NIL : Bytes.copyOf(buf, claim(length), length);
    }

    void skipValue() {
        skipValue(1);
    }

    private void skipValue(int depth) {
        if (depth > MAX_SKIP_DEPTH) {
            throw new WireFormatException(MALFORMED, "values nested deeper than " + MAX_SKIP_DEPTH);
        }
        int format = peek();
        if (format <= 0x7f || format >= 0xe0) {
            pos++;
        } else if (isMap(format)) {
            for (long n = 2L * readMapHeader(); n > 0; n--) {
                skipValue(depth + 1);
            }
        } else if (isArray(format)) {
            for (int n = readArrayHeader(); n > 0; n--) {
                skipValue(depth + 1);
            }
        } else if ((format & 0xe0) == 0xa0) {
            pos++;
            claim(format & 0x1f);
        } else {
            skipScalar(format);
        }
    }

    /** Skips a value whose size follows from its format byte (and length field, if any). */
    private void skipScalar(int format) {
        switch (format) {
            case 0xc0, 0xc2, 0xc3 -> pos++;
            case 0xc4, 0xd9 -> claim(readLength(1));
            case 0xc5, 0xda -> claim(readLength(2));
            case 0xc6, 0xdb -> claim(readLength(4));
            case 0xc7 -> claim(readLength(1) + 1);
            case 0xc8 -> claim(readLength(2) + 1);
            case 0xc9 -> {
                int length = readLength(4);
                claim(1);
                claim(length);
            }
            case 0xcc, 0xd0 -> claim(2);
            case 0xcd, 0xd1 -> claim(3);
            case 0xca, 0xce, 0xd2 -> claim(5);
            case 0xcb, 0xcf, 0xd3 -> claim(9);
            case 0xd4 -> claim(3);
            case 0xd5 -> claim(4);
            case 0xd6 -> claim(6);
            case 0xd7 -> claim(10);
            case 0xd8 -> claim(18);
            default -> throw wrongType("a msgpack value", format);
        }
    }

    private Bytes readByteArray() {
        int length = readArrayHeader();
        // Every element takes at least one byte, so a longer claim cannot be complete.
        if (length > end - pos) {
            throw truncated(length);
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) readInRange(MAX_U8, "byte");
        }
        return Bytes.wrap(bytes);
    }

    private static boolean isMap(int format) {
        return (format & 0xf0) == 0x80 || format == 0xde || format == 0xdf;
    }

    private static boolean isArray(int format) {
        return (format & 0xf0) == 0x90 || format == 0xdc || format == 0xdd;
    }

    private int readArrayHeader() {
        int format = peek();
        if ((format & 0xf0) == 0x90) {
            pos++;
            return format & 0x0f;
        }
        return readLength(format == 0xdc ? 2 : 4);
    }

    /** @return the payload length of a str or bin header, or -1 for nil */
    private int readRawHeader(String expected) {
        int format = peek();
        if ((format & 0xe0) == 0xa0) {
            pos++;
            return format & 0x1f;
        }
        switch (format) {
            case 0xc0:
                pos++;
                return -1;
            case 0xc4:
            case 0xd9:
                return readLength(1);
            case 0xc5:
            case 0xda:
                return readLength(2);
            case 0xc6:
            case 0xdb:
                return readLength(4);
            default:
                throw wrongType(expected, format);
        }
    }

    private long readInRange(long max, String kind) {
        long value = readInteger();
        if (value < 0 || value > max) {
            throw new WireFormatException(OUT_OF_RANGE, kind + " field out of range: " + value);
        }
        return value;
    }

    private long readInteger() {
        int format = peek();
        if (format <= 0x7f) {
            pos++;
            return format;
        }
        if (format >= 0xe0) {
            pos++;
            return (byte) format;
        }
        switch (format) {
            case 0xc0:
                pos++;
                return 0;
            case 0xcc:
                return readNumber(1);
            case 0xcd:
                return readNumber(2);
            case 0xce:
                return readNumber(4);
            case 0xcf:
                long u64 = readNumber(8);
                if (u64 < 0) {
                    throw new WireFormatException(OUT_OF_RANGE, "uint64 above 2^63-1");
                }
                return u64;
            case 0xd0:
                return (byte) readNumber(1);
            case 0xd1:
                return (short) readNumber(2);
            case 0xd2:
                return (int) readNumber(4);
            case 0xd3:
                return readNumber(8);
            default:
                throw wrongType("an integer", format);
        }
    }

    /** Reads a header's length field; lengths beyond a Java array are rejected as malformed. */
    private int readLength(int size) {
        long length = readNumber(size);
        if (length > Integer.MAX_VALUE) {
            throw new WireFormatException(MALFORMED, "length above 2^31-1: " + length);
        }
        return (int) length;
    }

    /** Reads the big-endian number of {@code size} bytes that follows the format byte at {@code pos}. */
    private long readNumber(int size) {
        if (size >= end - pos) {
            throw new WireFormatException(TRUNCATED, "input ends inside a " + (size + 1) + "-byte value");
        }
        long value = 0;
        for (int i = 1; i <= size; i++) {
            value = (value << 8) | (buf[pos + i] & 0xff);
        }
        pos += 1 + size;
        return value;
    }

    private int peek() {
        if (pos >= end) {
            throw new WireFormatException(TRUNCATED, "input ends where a value should start");
        }
        return buf[pos] & 0xff;
    }

    /** Steps over {@code length} bytes after checking that the input holds them. */
    private int claim(int length) {
        int at = pos;
        if (length > end - at) {
            throw truncated(length);
        }
        pos += length;
        return at;
    }

    private WireFormatException truncated(int claimed) {
        return new WireFormatException(TRUNCATED,
                "length " + claimed + " runs past the end of the input (" + (end - pos) + " bytes left)");
    }

    private static WireFormatException wrongType(String expected, int format) {
        return new WireFormatException(MALFORMED,
                "expected " + expected + ", got msgpack format byte 0x" + Integer.toHexString(format));
    }
}
