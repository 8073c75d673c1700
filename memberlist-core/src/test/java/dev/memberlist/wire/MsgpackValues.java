package dev.memberlist.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where each msgpack value of a message lies, for structure-aware fuzzing: a walk that records every
 * value (containers and their elements, map keys included) in document order, up to the first
 * byte it cannot read.
 */
final class MsgpackValues {

    /**
     * One value.
     *
     * @param offset where its header starts
     * @param end the position after it (after all its elements, for a container)
     * @param format its first byte
     */
    record Value(int offset, int end, int format) {

        /** @return whether it is a string or binary, whose header declares a byte length */
        boolean hasLength() {
            return (format >= 0xa0 && format <= 0xbf) || (format >= 0xc4 && format <= 0xc6)
                    || (format >= 0xd9 && format <= 0xdb);
        }

        /** @return whether it is an array or a map, whose header declares an element count */
        boolean hasCount() {
            return (format >= 0x80 && format <= 0x9f) || (format >= 0xdc && format <= 0xdf);
        }

        /** @return the bytes of its payload, for strings and binaries */
        int payloadOffset() {
            return switch (format) {
                case 0xc4, 0xd9 -> offset + 2;
                case 0xc5, 0xda -> offset + 3;
                case 0xc6, 0xdb -> offset + 5;
                default -> offset + 1;
            };
        }
    }

    private MsgpackValues() {
    }

    /**
     * @param buf a message
     * @param start where its msgpack part starts
     * @param end where the message ends
     * @return every value from {@code start} on, in document order; stops at the first byte it cannot read
     */
    static List<Value> of(byte[] buf, int start, int end) {
        List<Value> values = new ArrayList<>();
        int position = start;
        while (position < end) {
            int after = walk(buf, position, end, values);
            if (after < 0) {
                break;
            }
            position = after;
        }
        values.removeIf(Objects::isNull);
        return values;
    }

    private static int walk(byte[] buf, int at, int end, List<Value> out) {
        if (at >= end) {
            return -1;
        }
        int b = buf[at] & 0xff;
        int index = out.size();
        out.add(null);
        long count;
        int position;
        if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
            return done(out, index, at, at + 1, b, end);
        } else if (b <= 0x8f) {
            count = 2L * (b & 0x0f);
            position = at + 1;
        } else if (b <= 0x9f) {
            count = b & 0x0f;
            position = at + 1;
        } else if (b <= 0xbf) {
            return done(out, index, at, at + 1 + (b & 0x1f), b, end);
        } else {
            int width = switch (b) {
                case 0xc4, 0xd9 -> 1;
                case 0xc5, 0xda, 0xdc, 0xde -> 2;
                case 0xc6, 0xdb, 0xdd, 0xdf -> 4;
                default -> 0;
            };
            if (width == 0) {
                int fixed = switch (b) {
                    case 0xcc, 0xd0 -> 1;
                    case 0xcd, 0xd1 -> 2;
                    case 0xca, 0xce, 0xd2 -> 4;
                    case 0xcb, 0xcf, 0xd3 -> 8;
                    default -> -1;
                };
                return fixed < 0 ? -1 : done(out, index, at, at + 1 + fixed, b, end);
            }
            if (at + 1 + width > end) {
                return -1;
            }
            long size = 0;
            for (int i = 0; i < width; i++) {
                size = size << 8 | (buf[at + 1 + i] & 0xff);
            }
            position = at + 1 + width;
            if (b == 0xdc || b == 0xdd) {
                count = size;
            } else if (b == 0xde || b == 0xdf) {
                count = 2 * size;
            } else {
                return done(out, index, at, position + size, b, end);
            }
        }
        for (long i = 0; i < count; i++) {
            position = walk(buf, position, end, out);
            if (position < 0) {
                return -1;
            }
        }
        return done(out, index, at, position, b, end);
    }

    private static int done(List<Value> out, int index, int at, long after, int format, int end) {
        if (after > end) {
            return -1;
        }
        out.set(index, new Value(at, (int) after, format));
        return (int) after;
    }
}
