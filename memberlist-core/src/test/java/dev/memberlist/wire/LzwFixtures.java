package dev.memberlist.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Inputs for the LZW golden vectors. The expected outputs were produced by Go 1.19's
 * {@code compress/lzw} ({@code lzw.NewWriter(w, lzw.LSB, 8)}) from the same inputs; the Go side
 * used exactly these generators, so they must not change.
 */
final class LzwFixtures {

    private static final String[] WORDS = {
        "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
        "memberlist", "gossip", "alive", "suspect"
    };

    private LzwFixtures() {
    }

    /** Knuth's MMIX linear congruential generator, 64-bit wrap-around, as in the Go generator. */
    private static final class Lcg {
        private long state;

        Lcg(long seed) {
            state = seed;
        }

        long next() {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return state;
        }
    }

    /** {@code n} bytes, each the top 8 bits of the next LCG state. */
    static byte[] random(int n, long seed) {
        Lcg lcg = new Lcg(seed);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (lcg.next() >>> 56);
        }
        return out;
    }

    /** Words from a 12-word list, each followed by a space, picked by {@code (state >>> 33) % 12}; cut to {@code n}. */
    static byte[] text(int n, long seed) {
        Lcg lcg = new Lcg(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        while (out.size() < n) {
            out.writeBytes(WORDS[(int) ((lcg.next() >>> 33) % WORDS.length)].getBytes(StandardCharsets.US_ASCII));
            out.write(' ');
        }
        return Arrays.copyOf(out.toByteArray(), n);
    }

    /** The byte values 0..255 in order, {@code repeats} times. */
    static byte[] allBytes(int repeats) {
        byte[] out = new byte[256 * repeats];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    /** {@code n} copies of one byte. */
    static byte[] run(int n, int value) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) value);
        return out;
    }

    /**
     * A stream as a pre-CLEAR Go writer (before Go 1.17) wrote it: the same bits minus the
     * leading 9-bit CLEAR code. The result may end in one zero byte more than the old writer
     * emitted, after EOF, where readers ignore it.
     */
    static byte[] withoutLeadingClear(byte[] stream) {
        byte[] out = new byte[stream.length - 1];
        for (int i = 0; i < out.length; i++) {
            int high = i + 2 < stream.length ? (stream[i + 2] & 0xff) << 7 : 0;
            out[i] = (byte) ((stream[i + 1] & 0xff) >>> 1 | high);
        }
        return out;
    }

    /**
     * Packs codes as an LSB-first LZW stream, widening codes as a reader expects (9 bits after
     * CLEAR or at the start, up to 12 bits, never wider once the table is full).
     */
    static byte[] codes(int... codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bits = 0;
        int nBits = 0;
        int width = 9;
        int next = 257;
        int limit = 512;
        for (int code : codes) {
            bits |= code << nBits;
            nBits += width;
            while (nBits >= 8) {
                out.write(bits);
                bits >>>= 8;
                nBits -= 8;
            }
            if (code == 256) {
                width = 9;
                next = 257;
                limit = 512;
            } else if (code != 257) {
                next++;
                if (next >= limit) {
                    if (width == 12) {
                        next--;
                    } else {
                        width++;
                        limit <<= 1;
                    }
                }
            }
        }
        if (nBits > 0) {
            out.write(bits);
        }
        return out.toByteArray();
    }
}
