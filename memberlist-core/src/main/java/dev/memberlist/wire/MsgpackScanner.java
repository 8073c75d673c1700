package dev.memberlist.wire;

/**
 * Finds where a msgpack value ends without building it: enough to frame unencrypted streams whose
 * messages have no length prefix.
 *
 * <p>Resumable: when the input ends inside the value it keeps its place (how many values are still
 * to come, and where the next one starts) and carries on from there when called again with more
 * bytes. Every header byte is read once, except a header whose length field was cut off by the end
 * of the input, which is read again on the next call; so scanning a value that arrives in any number
 * of pieces costs time linear in its length. Iterative, so nesting depth costs no stack. One value
 * at a time; not thread-safe.
 */
final class MsgpackScanner {

    /** Returned when the input ends inside the value. */
    static final int NEED_MORE = -1;

    // Values still to read: 1 for the value itself, plus every element and map entry announced by a
    // header read so far but not yet passed. Each takes at least one byte.
    private long pending;
    // Where the next unread value starts; past the end of the input while skipping a long payload.
    private long position;
    private long steps;

    /**
     * Starts scanning a value.
     *
     * @param start where the value starts
     */
    void start(int start) {
        pending = 1;
        position = start;
    }

    /**
     * Continues the value started last, in the same array, which may have grown since.
     *
     * @param buf the input
     * @param end where the input ends now
     * @return the position after the value, or {@link #NEED_MORE}
     * @throws WireFormatException {@code MALFORMED} for the one byte msgpack never uses
     */
    int resume(byte[] buf, int end) {
        while (pending > 0) {
            if (pending > end - position) {
                return NEED_MORE;
            }
            int at = (int) position;
            int b = buf[at] & 0xff;
            steps++;
            if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
                position = at + 1L;
                pending--;
            } else if (b <= 0x8f) {
                position = at + 1L;
                pending += 2L * (b & 0x0f) - 1;
            } else if (b <= 0x9f) {
                position = at + 1L;
                pending += (b & 0x0f) - 1;
            } else if (b <= 0xbf) {
                position = at + 1L + (b & 0x1f);
                pending--;
            } else if (!sizedHeader(buf, at, end, b)) {
                return NEED_MORE;
            }
        }
        return position > end ? NEED_MORE : (int) position;
    }

    /** @return the least position the value can end at, from what has been read so far */
    long minimumEnd() {
        return position + pending;
    }

    /** @return how many value headers were read since this scanner was made, for tests of the cost */
    long steps() {
        return steps;
    }

    /** Reads a header after which a length field or a fixed-size payload follows; false when it is cut off. */
    private boolean sizedHeader(byte[] buf, int at, int end, int b) {
        int width = lengthWidth(b);
        if (width > 0) {
            if (end - (at + 1) < width) {
                return false;
            }
            long size = readUnsigned(buf, at + 1, width);
            position = at + 1L + width;
            pending--;
            switch (b) {
                case 0xdc, 0xdd -> pending += size;
                case 0xde, 0xdf -> pending += 2 * size;
                case 0xc7, 0xc8, 0xc9 -> position += 1 + size;
                default -> position += size;
            }
            return true;
        }
        int fixed = fixedSize(b);
        if (fixed < 0) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED,
                    String.format("invalid msgpack byte 0x%02x", b));
        }
        position = at + 1L + fixed;
        pending--;
        return true;
    }

    /** Bytes of the length field of variable-size formats, or 0 for other formats. */
    private static int lengthWidth(int b) {
        return switch (b) {
            case 0xc4, 0xd9, 0xc7 -> 1;
            case 0xc5, 0xda, 0xdc, 0xde, 0xc8 -> 2;
            case 0xc6, 0xdb, 0xdd, 0xdf, 0xc9 -> 4;
            default -> 0;
        };
    }

    /** Bytes after the format byte of fixed-size formats, or -1 for the unused byte. */
    private static int fixedSize(int b) {
        return switch (b) {
            case 0xcc, 0xd0 -> 1;
            case 0xcd, 0xd1 -> 2;
            case 0xca, 0xce, 0xd2 -> 4;
            case 0xcb, 0xcf, 0xd3 -> 8;
            case 0xd4 -> 2;
            case 0xd5 -> 3;
            case 0xd6 -> 5;
            case 0xd7 -> 9;
            case 0xd8 -> 17;
            default -> -1;
        };
    }

    private static long readUnsigned(byte[] buf, int pos, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | (buf[pos + i] & 0xff);
        }
        return value;
    }
}
