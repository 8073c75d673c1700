package dev.memberlist.wire;

import static dev.memberlist.wire.WireFixtures.bytes;
import static dev.memberlist.wire.WireFixtures.hex;
import static org.assertj.core.api.Assertions.fail;

import dev.memberlist.wire.WireFormatException.Reason;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Pushes random and mutated bytes through {@link MessageCodec#decode} and, taking the record
 * classes in turn and starting at offset 0 or 1, {@link MessageCodec#decodeBody}: only
 * {@link WireFormatException} may escape, anything decoded must survive a re-encode, and every
 * strict prefix of a decoded body must be reported as {@code TRUNCATED}.
 */
class MessageCodecFuzzTest {

    private static final int RANDOM_INPUTS = 30_000;
    private static final int MUTATED_INPUTS = 70_000;

    private static final List<Class<? extends Message>> BODY_KINDS = List.of(Ping.class, IndirectPingRequest.class,
            AckResponse.class, NackResponse.class, ErrorResponse.class, Suspect.class, Alive.class, Dead.class,
            PushPullHeader.class, PushNodeState.class, UserMessageHeader.class, Compress.class);

    /** Bytes that start msgpack headers or sit at format boundaries. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1,
        0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcc, 0xce, 0xcf, 0xd0, 0xd3, 0xd4, 0xd8, 0xd9,
        0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff};

    private static final List<byte[]> SEEDS = goldenInputs();

    @ParameterizedTest
    @ValueSource(longs = {0x6d656d6265726c69L})
    void onlyWireFormatExceptionsEscapeForRandomBytes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            byte[] input = new byte[random.nextInt(8) == 0 ? random.nextInt(300) : random.nextInt(40)];
            random.nextBytes(input);
            if (input.length > 1 && random.nextBoolean()) {
                input[0] = (byte) random.nextInt(14);
                input[1] = (byte) (0x80 | random.nextInt(16));
            }
            check(input, seed, i);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0x7374206a617661L})
    void onlyWireFormatExceptionsEscapeForMutatedGoldenVectors(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < MUTATED_INPUTS; i++) {
            byte[] input = SEEDS.get(random.nextInt(SEEDS.size()));
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                input = mutate(input, random);
            }
            check(input, seed, i);
        }
    }

    private static byte[] mutate(byte[] input, SplittableRandom random) {
        if (input.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(input.length);
        byte[] out;
        switch (random.nextInt(6)) {
            case 0 -> {
                out = input.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
            }
            case 1 -> out = Arrays.copyOf(input, at);
            case 2 -> {
                byte[] insert = new byte[1 + random.nextInt(8)];
                random.nextBytes(insert);
                out = new byte[input.length + insert.length];
                System.arraycopy(input, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(input, at, out, at + insert.length, input.length - at);
            }
            case 3 -> {
                out = input.clone();
                out[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
            }
            case 4 -> out = corruptLength(input, random);
            default -> {
                out = new byte[input.length - 1];
                System.arraycopy(input, 0, out, 0, at);
                System.arraycopy(input, at + 1, out, at, input.length - at - 1);
            }
        }
        return out;
    }

    /** Rewrites the length inside a fixstr/fixmap/fixarray header, or after a str16/str32/bin/map16 header. */
    private static byte[] corruptLength(byte[] input, SplittableRandom random) {
        byte[] out = input.clone();
        int start = random.nextInt(out.length);
        for (int i = start; i < out.length; i++) {
            int b = out[i] & 0xff;
            if (b >= 0x80 && b <= 0xbf) {
                out[i] = (byte) ((b & 0xe0) == 0xa0 ? 0xa0 | random.nextInt(32) : (b & 0xf0) | random.nextInt(16));
                return out;
            }
            if ((b == 0xda || b == 0xdb || b == 0xc5 || b == 0xc6 || b == 0xde || b == 0xdf) && i + 2 < out.length) {
                out[i + 1] = (byte) random.nextInt(256);
                out[i + 2] = (byte) random.nextInt(256);
                return out;
            }
        }
        out[start] = (byte) (0xd9 + random.nextInt(3));
        return out;
    }

    private static void check(byte[] input, long seed, int iteration) {
        try {
            Message decoded = MessageCodec.decode(input);
            if (!MessageCodec.decode(MessageCodec.encode(decoded)).equals(decoded)) {
                fail(failure("re-encoding after decode", input, seed, iteration));
            }
        } catch (WireFormatException expected) {
            // Bad input may fail, but only like this.
        } catch (RuntimeException | Error e) {
            fail(failure("decode", input, seed, iteration), e);
        }
        // One body kind per input, in turn, keeps the run to a few seconds: every rejection builds a
        // stack trace, which is slow this deep inside JUnit.
        Class<? extends Message> kind = BODY_KINDS.get(iteration % BODY_KINDS.size());
        checkBody(kind, input, Math.min(iteration / BODY_KINDS.size() % 2, input.length), seed, iteration);
    }

    private static void checkBody(Class<? extends Message> kind, byte[] input, int offset, long seed, int iteration) {
        int length = input.length - offset;
        String entry = "decodeBody " + kind.getSimpleName() + " at offset " + offset;
        MessageCodec.Decoded<? extends Message> decoded;
        try {
            decoded = MessageCodec.decodeBody(kind, input, offset, length);
        } catch (WireFormatException expected) {
            return;
        } catch (RuntimeException | Error e) {
            fail(failure(entry, input, seed, iteration), e);
            return;
        }
        if (decoded.consumed() < 1 || decoded.consumed() > length) {
            fail(failure(entry + " consumed " + decoded.consumed(), input, seed, iteration));
        }
        byte[] reencoded = MessageCodec.encode(decoded.message());
        int bodyStart = decoded.message() instanceof PushPullHeader || decoded.message() instanceof PushNodeState
                || decoded.message() instanceof UserMessageHeader ? 0 : 1;
        if (!MessageCodec.decodeBody(kind, reencoded, bodyStart, reencoded.length - bodyStart).message()
                .equals(decoded.message())) {
            fail(failure(entry + " then re-encoding", input, seed, iteration));
        }
        int cut = iteration % decoded.consumed();
        try {
            MessageCodec.decodeBody(kind, input, offset, cut);
            fail(failure(entry + " of a " + cut + "-byte prefix succeeded", input, seed, iteration));
        } catch (WireFormatException e) {
            if (e.reason() != Reason.TRUNCATED) {
                fail(failure(entry + " of a " + cut + "-byte prefix gave " + e.reason(), input, seed, iteration));
            }
        }
    }

    private static String failure(String entry, byte[] input, long seed, int iteration) {
        return entry + " failed for seed " + seed + ", iteration " + iteration + ", input " + hex(input);
    }

    private static List<byte[]> goldenInputs() {
        Stream<Arguments> all = Stream.concat(MessageCodecTest.goldenMessages(), MessageCodecTest.goldenStreamBodies());
        Stream<byte[]> vectors = all.map(a -> bytes((String) ((Named<?>) a.get()[0]).getPayload()));
        return Stream.concat(vectors, Stream.of(bytes(WireFixtures.PUSH_PULL_REQUEST),
                bytes(WireFixtures.PUSH_PULL_HEADER_V2))).toList();
    }
}
