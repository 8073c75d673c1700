package dev.memberlist.wire;

/**
 * Finds where a msgpack value ends without building it: enough to frame unencrypted streams whose
 * messages have no length prefix. Iterative, so nesting depth costs no stack.
 */
final class MsgpackScanner {

    /** Returned when the input ends inside the value. */
    static final int NEED_MORE = -1;

    private MsgpackScanner() {
    }

    /**
     * @param buf the input
     * @param position where the value starts
     * @param end where the input ends
     * @return the position after the value, or {@link #NEED_MORE}
     * @throws WireFormatException {@code MALFORMED} for the one byte msgpack never uses
     */
    static int skip(byte[] buf, int position, int end) {
        long pending = 1;
        long pos = position;
        while (pending > 0) {
            if (pending > end - pos) {
                return NEED_MORE;
            }
            int b = buf[(int) pos++] & 0xff;
            pending--;
            if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
                continue;
            }
            if (b <= 0x8f) {
                pending += 2L * (b & 0x0f);
                continue;
            }
            if (b <= 0x9f) {
                pending += b & 0x0f;
                continue;
            }
            if (b <= 0xbf) {
                pos += b & 0x1f;
                continue;
            }
            int width = lengthWidth(b);
            if (width > 0) {
                if (end - pos < width) {
                    return NEED_MORE;
                }
                long size = readUnsigned(buf, (int) pos, width);
                pos += width;
                switch (b) {
                    case 0xdc, 0xdd -> pending += size;
                    case 0xde, 0xdf -> pending += 2 * size;
                    case 0xc7, 0xc8, 0xc9 -> pos += 1 + size;
                    default -> pos += size;
                }
                continue;
            }
            int fixed = fixedSize(b);
            if (fixed < 0) {
                throw new WireFormatException(WireFormatException.Reason.MALFORMED,
                        String.format("invalid msgpack byte 0x%02x", b));
            }
            pos += fixed;
        }
        return pos > end ? NEED_MORE : (int) pos;
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
