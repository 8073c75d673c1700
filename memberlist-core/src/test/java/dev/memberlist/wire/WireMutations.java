package dev.memberlist.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structure-aware mutations of valid messages for fuzzing: each changes one msgpack value the way a
 * hostile peer would (a length or count past what follows or past any limit, deep nesting, an
 * extreme integer, a value of the wrong type, a value repeated or left out) and leaves the rest valid,
 * so the decoders get past their first checks. Each returns a description for failure messages.
 */
final class WireMutations {

    private static final long[] EXTREME_LENGTHS = {0xffffL, 0x7fffffffL, 0xffffffffL, 20L * 1024 * 1024 + 1};
    private static final int[] NESTING_DEPTHS = {100, 10_000, 100_000};
    private static final String[] EXTREME_INTS = {"cfffffffffffffffff", "d38000000000000000", "ceffffffff",
        "d280000000", "ff", "7f", "cd0000", "cbfff0000000000000"};
    private static final String[] WRONG_TYPES = {"c0", "c3", "80", "90", "c400", "a0", "cb7ff8000000000001"};

    /** A mutated message and what was done to it. */
    record Mutant(byte[] bytes, String description) {
    }

    private WireMutations() {
    }

    /**
     * @param message a valid message
     * @param bodyStart where its msgpack values start (after the type byte)
     * @param random the source of choices
     * @return the message with one of its values pushed past its limits
     */
    static Mutant pushOneValue(byte[] message, int bodyStart, SplittableRandom random) {
        List<MsgpackValues.Value> values = MsgpackValues.of(message, bodyStart, message.length);
        if (values.isEmpty()) {
            return new Mutant(message, "unchanged");
        }
        MsgpackValues.Value v = values.get(random.nextInt(values.size()));
        int kind = random.nextInt(6);
        if (kind == 0 && v.hasLength()) {
            long declared = random.nextBoolean() ? (v.end() - v.payloadOffset()) + 1L + random.nextInt(300)
                    : EXTREME_LENGTHS[random.nextInt(EXTREME_LENGTHS.length)];
            boolean binary = v.format() >= 0xc4 && v.format() <= 0xc6;
            byte[] header = ByteBuffer.allocate(5).put((byte) (binary ? 0xc6 : 0xdb)).putInt((int) declared).array();
            return new Mutant(splice(message, v.offset(), v.payloadOffset(), header),
                    "length of the value at " + v.offset() + " declared as " + declared);
        }
        if (kind == 1 && v.hasCount()) {
            long declared = EXTREME_LENGTHS[random.nextInt(EXTREME_LENGTHS.length)];
            boolean map = (v.format() >= 0x80 && v.format() <= 0x8f) || v.format() == 0xde || v.format() == 0xdf;
            int headerBytes = v.format() <= 0x9f ? 1 : v.format() <= 0xde && v.format() != 0xdd ? 3 : 5;
            byte[] header = ByteBuffer.allocate(5).put((byte) (map ? 0xdf : 0xdd)).putInt((int) declared).array();
            return new Mutant(splice(message, v.offset(), v.offset() + headerBytes, header),
                    "count of the value at " + v.offset() + " declared as " + declared);
        }
        if (kind == 2) {
            int depth = NESTING_DEPTHS[random.nextInt(NESTING_DEPTHS.length)];
            byte[] nesting = new byte[depth];
            Arrays.fill(nesting, (byte) 0x91);
            return new Mutant(splice(message, v.offset(), v.offset(), nesting),
                    "value at " + v.offset() + " nested in " + depth + " arrays");
        }
        if (kind == 3) {
            String replacement = EXTREME_INTS[random.nextInt(EXTREME_INTS.length)];
            return new Mutant(splice(message, v.offset(), v.end(), WireFixtures.bytes(replacement)),
                    "value at " + v.offset() + " replaced by " + replacement);
        }
        if (kind == 4) {
            String replacement = WRONG_TYPES[random.nextInt(WRONG_TYPES.length)];
            return new Mutant(splice(message, v.offset(), v.end(), WireFixtures.bytes(replacement)),
                    "value at " + v.offset() + " replaced by " + replacement);
        }
        if (random.nextBoolean()) {
            return new Mutant(splice(message, v.end(), v.end(), Arrays.copyOfRange(message, v.offset(), v.end())),
                    "value at " + v.offset() + " repeated");
        }
        return new Mutant(splice(message, v.offset(), v.end(), new byte[0]), "value at " + v.offset() + " left out");
    }

    /** @return {@code buf} with {@code [from, to)} replaced by {@code insert} */
    static byte[] splice(byte[] buf, int from, int to, byte[] insert) {
        byte[] out = new byte[buf.length - (to - from) + insert.length];
        System.arraycopy(buf, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(buf, to, out, from + insert.length, buf.length - to);
        return out;
    }
}
