package dev.memberlist.wire;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.fail;

/**
 * Feeds random and mutated bytes through every message-level decoding entry point: the msgpack
 * codec for every record type, the packet pipeline (plain, and labelled with encryption), the
 * stream codec (request and response sides) and the stream framer (whole and byte by byte). Each
 * must return a value or throw {@link WireFormatException}, nothing else.
 */
class WireDecodersFuzzTest {

    private static final int INPUTS_PER_SEED = 6_000;
    private static final byte[] KEY = bytes("000102030405060708090a0b0c0d0e0f");
    private static final List<Class<? extends Message>> BODIES = List.of(Ping.class, IndirectPingRequest.class,
            AckResponse.class, NackResponse.class, ErrorResponse.class, Suspect.class, Dead.class, Alive.class,
            PushPullHeader.class, PushNodeState.class, UserMessageHeader.class, Compress.class);

    private final PacketCodec plainPackets = new PacketCodec(CodecSettings.plain());
    private final CodecSettings secure = new CodecSettings("dc1", false, Optional.of(Keyring.of(KEY)), true, true, true,
            EncryptionVersion.V1);
    private final PacketCodec securePackets = new PacketCodec(secure);
    private final StreamCodec plainStreams = new StreamCodec(CodecSettings.plain());
    private final StreamCodec secureStreams = new StreamCodec(secure);

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void decodersRejectBadBytesOnlyWithWireFormatException(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> corpus = corpus();
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            byte[] input = random.nextInt(6) == 0 ? randomBytes(random, random.nextInt(80))
                    : mutate(corpus.get(random.nextInt(corpus.size())), random);
            String where = "seed " + seed + ", input " + i + ": " + HexFormat.of().formatHex(input);
            survive(where, () -> MessageCodec.decode(input));
            for (Class<? extends Message> kind : BODIES) {
                survive(where + " as " + kind.getSimpleName(), () -> MessageCodec.decodeBody(kind, input, 0, input.length));
            }
            survive(where + " plain packet", () -> plainPackets.decode(input));
            survive(where + " secure packet", () -> securePackets.decode(input));
            survive(where + " plain request", () -> plainStreams.decodeRequest(input));
            survive(where + " plain response", () -> plainStreams.decodeResponse(input));
            survive(where + " secure request", () -> secureStreams.decodeRequest(input));
            survive(where + " framer", () -> frameWhole(input));
            survive(where + " framer bytewise", () -> frameBytewise(input));
        }
    }

    private static Object frameWhole(byte[] input) {
        return new StreamFramer(StreamFramer.Side.REQUEST, 1 << 20).frameLength(input, 0, input.length);
    }

    private static Object frameBytewise(byte[] input) {
        StreamFramer framer = new StreamFramer(StreamFramer.Side.RESPONSE, 1 << 20);
        int result = -1;
        for (int available = 0; available <= input.length && result < 0; available++) {
            result = framer.frameLength(input, 0, available);
        }
        if (result > input.length) {
            fail("framer claimed " + result + " bytes of " + input.length);
        }
        return result;
    }

    private static void survive(String where, java.util.function.Supplier<Object> decode) {
        try {
            decode.get();
        } catch (WireFormatException expected) {
            // The only acceptable failure.
        } catch (RuntimeException | Error e) {
            throw new AssertionError(where + " threw " + e, e);
        }
    }

    private List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String hex : List.of(WireFixtures.PING_MINIMAL, WireFixtures.PING_FULL, WireFixtures.PING_FULL_IPV4_IN_16_BYTES,
                WireFixtures.ACK_NIL_PAYLOAD, WireFixtures.ACK_WITH_PAYLOAD, WireFixtures.NACK, WireFixtures.ERR, WireFixtures.SUSPECT,
                WireFixtures.DEAD_LEAVE, WireFixtures.ALIVE, WireFixtures.INDIRECT_PING, WireFixtures.PUSH_PULL_HEADER_V05,
                WireFixtures.PUSH_PULL_HEADER_V2, WireFixtures.COMPRESSED_PING, WireFixtures.PUSH_PULL_REQUEST)) {
            corpus.add(bytes(hex));
        }
        byte[] ping = bytes(WireFixtures.PING_FULL);
        corpus.add(Compound.encode(List.of(ping, bytes(WireFixtures.SUSPECT))));
        corpus.add(securePackets.encode(ping, true));
        corpus.add(secureStreams.encodeRequest(bytes(WireFixtures.PUSH_PULL_REQUEST)));
        corpus.add(plainStreams.encodeRequest(StreamCodec.userMessage(Bytes.fromHex("cafe"))));
        return corpus;
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] out = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
            case 2 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 3 -> {
                int at = random.nextInt(out.length + 1);
                byte[] extra = randomBytes(random, 1 + random.nextInt(6));
                byte[] grown = new byte[out.length + extra.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(extra, 0, grown, at, extra.length);
                System.arraycopy(out, at, grown, at + extra.length, out.length - at);
                out = grown;
            }
            default -> {
                // Corrupt something that looks like a length or count: set it to an extreme value.
                int at = random.nextInt(out.length);
                out[at] = (byte) (random.nextBoolean() ? 0xff : 0xdb);
            }
        }
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
