package dev.memberlist.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds random and mutated bytes through every decoding entry point of {@link Lzw}, {@link Crc},
 * {@link Compound} and {@link LabelHeader}: each must return a sane value or throw
 * {@link WireFormatException}, nothing else.
 */
class WireCodecsFuzzTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int INPUTS_PER_SEED = 25_000;
    private static final int LZW_CAP = 1 << 20;
    private static final byte[] PING = HEX.parseHex("0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472"
            + "a47f000001aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void decodersRejectBadBytesOnlyWithWireFormatException(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> corpus = corpus(random);
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            byte[] input = random.nextInt(5) == 0
                    ? randomBytes(random, random.nextInt(64))
                    : mutate(corpus.get(random.nextInt(corpus.size())), corpus, random);
            // Surround the input with junk so that offsets and lengths are exercised too.
            int offset = random.nextInt(4);
            byte[] buf = randomBytes(random, offset + input.length + random.nextInt(4));
            System.arraycopy(input, 0, buf, offset, input.length);
            check(seed, i, input, buf, offset, input.length);
        }
    }

    private static void check(long seed, int index, byte[] input, byte[] buf, int offset, int length) {
        Supplier<String> where = () -> "seed " + seed + ", input " + index + ": " + HEX.formatHex(input);
        survive(where, "Lzw.decompress", () -> Lzw.decompress(buf, offset, length, LZW_CAP).length <= LZW_CAP);
        survive(where, "Crc.verifiedBodyOffset", () -> Crc.verifiedBodyOffset(buf, offset, length) == offset + 5);
        survive(where, "Compound.decode", () -> {
            Compound.Parts parts = Compound.decode(buf, offset, length);
            long total = parts.parts().stream().mapToLong(p -> p.length + 2L).sum();
            return total <= length;
        });
        survive(where, "LabelHeader.strip", () -> {
            int bodyOffset = LabelHeader.strip(buf, offset, length).bodyOffset();
            return bodyOffset >= offset && bodyOffset <= offset + length;
        });
        survive(where, "LabelHeader.headerLength", () -> {
            int headerLength = LabelHeader.headerLength(buf, offset, length);
            return headerLength >= -1 && headerLength <= 257;
        });
    }

    /** Runs a decoder that must either return a result passing its check or throw WireFormatException. */
    private static void survive(Supplier<String> where, String entryPoint, BooleanSupplier decodeAndCheck) {
        boolean sane;
        try {
            sane = decodeAndCheck.getAsBoolean();
        } catch (WireFormatException expected) {
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(entryPoint + " threw " + e + " for " + where.get(), e);
        }
        if (!sane) {
            throw new AssertionError(entryPoint + " returned an impossible result for " + where.get());
        }
    }

    private static List<byte[]> corpus(SplittableRandom random) {
        List<byte[]> corpus = new ArrayList<>();
        corpus.add(PING);
        corpus.add(Lzw.compress(PING));
        corpus.add(Lzw.compress(new byte[0]));
        corpus.add(Lzw.compress(LzwFixtures.text(2_000, 11)));
        corpus.add(Lzw.compress(LzwFixtures.random(6_000, 12)));
        corpus.add(Lzw.compress(LzwFixtures.run(1_500_000, 0)));
        corpus.add(LzwFixtures.withoutLeadingClear(Lzw.compress(LzwFixtures.text(300, 13))));
        corpus.add(Crc.wrap(PING));
        corpus.add(Crc.wrap(Lzw.compress(PING)));
        byte[] compound = Compound.encode(List.of(PING, PING, new byte[0], randomBytes(random, 20)));
        corpus.add(Arrays.copyOfRange(compound, 1, compound.length));
        corpus.add(LabelHeader.prepend("dc1", PING));
        corpus.add(LabelHeader.prepend("x".repeat(255), Crc.wrap(PING)));
        return corpus;
    }

    private static byte[] mutate(byte[] original, List<byte[]> corpus, SplittableRandom random) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = Arrays.copyOf(bytes, at);
                case 3 -> bytes = splice(bytes, at, randomBytes(random, 1 + random.nextInt(8)));
                case 4 -> bytes[at] = (byte) (random.nextBoolean() ? 0 : 0xff);
                default -> {
                    byte[] other = corpus.get(random.nextInt(corpus.size()));
                    bytes = splice(bytes, at, Arrays.copyOf(other, Math.min(other.length, 1 + random.nextInt(64))));
                }
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }
}
