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
     * An LZW stream of at most {@code maxBytes} bytes built for the largest output a reader can be
     * made to write: literal 0, then each code defined just before it (strings of 2, 3, … 3839
     * zeros) until the table is full, then the longest string again and again (3839 bytes per
     * 12-bit code), then EOF: zeros, some 2,400 times as many as a 64 KiB stream has bytes.
     */
    static byte[] bomb(int maxBytes) {
        if (maxBytes < 6_000) {
            throw new IllegalArgumentException("the chain up to a full table alone takes some 5.7 KiB: " + maxBytes);
        }
        int[] codes = new int[maxBytes * 8 / 9 + 2];
        int count = 0;
        codes[count++] = 256;
        codes[count++] = 0;
        long bits = 18;
        for (int code = 258; code < 4096; code++) {
            codes[count++] = code;
            bits += widthBefore(code);
        }
        while (bits + 2 * 12 <= maxBytes * 8L) {
            codes[count++] = 4095;
            bits += 12;
        }
        codes[count++] = 257;
        return codes(Arrays.copyOf(codes, count));
    }

    /** The width of the code read when {@code code} is the next to be defined. */
    private static int widthBefore(int code) {
        return code < 512 ? 9 : code < 1024 ? 10 : code < 2048 ? 11 : 12;
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
