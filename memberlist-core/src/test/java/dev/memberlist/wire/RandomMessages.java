package dev.memberlist.wire;

import java.util.SplittableRandom;

/** Random but valid records of every kind, with lengths and numbers biased toward msgpack format boundaries. */
final class RandomMessages {

    private static final int[] LENGTHS = {0, 1, 4, 6, 16, 31, 32, 33, 255, 256, 600};
    private static final long[] NUMBERS = {0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
        0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL};

    private RandomMessages() {
    }

    static Message any(SplittableRandom r) {
        switch (r.nextInt(13)) {
            case 0:
                return new Ping(u32(r), string(r), bytes(r), u16(r), string(r));
            case 1:
                return new IndirectPingRequest(u32(r), bytes(r), u16(r), string(r), r.nextBoolean(), bytes(r), u16(r),
                        string(r));
            case 2:
                return new AckResponse(u32(r), bytes(r));
            case 3:
                return new NackResponse(u32(r));
            case 4:
                return new ErrorResponse(string(r));
            case 5:
                return new Suspect(u32(r), string(r), string(r));
            case 6:
                return new Dead(u32(r), string(r), string(r));
            case 7:
                return new Alive(u32(r), string(r), bytes(r), u16(r), bytes(r), bytes(r));
            case 8:
                return new PushPullHeader(bounded(r, MessageCodec.MAX_PUSH_PULL_NODES),
                        bounded(r, MessageCodec.MAX_USER_STATE_LENGTH), r.nextBoolean());
            case 9:
                return new PushNodeState(string(r), bytes(r), u16(r), bytes(r), u32(r),
                        bounded(r, Integer.MAX_VALUE), bytes(r));
            case 10:
                return new UserMessageHeader(bounded(r, MessageCodec.MAX_USER_MESSAGE_LENGTH));
            case 11:
                return new UserMessage(bytes(r));
            default:
                return new Compress(r.nextInt(256), bytes(r));
        }
    }

    static long u32(SplittableRandom r) {
        return r.nextBoolean() ? NUMBERS[r.nextInt(NUMBERS.length)] : r.nextLong(0x1_0000_0000L);
    }

    static int u16(SplittableRandom r) {
        return (int) (u32(r) & 0xffff);
    }

    private static int bounded(SplittableRandom r, int max) {
        return (int) Math.min(u32(r), max);
    }

    private static int length(SplittableRandom r) {
        return r.nextInt(4) == 0 ? r.nextInt(40) : LENGTHS[r.nextInt(LENGTHS.length)];
    }

    static Bytes bytes(SplittableRandom r) {
        int length = length(r);
        if (length == 0) {
            return r.nextBoolean() ? Bytes.NIL : Bytes.EMPTY;
        }
        byte[] data = new byte[length];
        r.nextBytes(data);
        return Bytes.wrap(data);
    }

    /** Valid Unicode only: a Java string with a lone surrogate cannot survive UTF-8 (nor can Go's bytes become one). */
    static String string(SplittableRandom r) {
        int length = length(r);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            switch (r.nextInt(4)) {
                case 0 -> s.appendCodePoint(0x80 + r.nextInt(0xd800 - 0x80));
                case 1 -> s.appendCodePoint(0x10000 + r.nextInt(0x10ffff - 0x10000));
                default -> s.append((char) r.nextInt(0x80));
            }
        }
        return s.toString();
    }
}
