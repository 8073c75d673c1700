package dev.memberlist.wire;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structure-aware fuzzing of both ingest paths, seeded from the golden Go vectors: valid messages with
 * one value pushed past its limits ({@link WireMutations}), wrapped in nested compounds and
 * compression (decompression bombs included), in every packet and stream layer (label, CRC,
 * encryption), and every truncation of them. Packets go through {@link PacketCodec}; streams are
 * framed by a {@link StreamFramer} in random chunks, then decoded by {@link StreamCodec}. Only
 * {@link WireFormatException} may escape; decoding one datagram must allocate a bounded number of
 * bytes, and framing a stream a number of scanner steps linear in its length. A failure names the seed
 * and input; rerun that seed to replay it.
 */
class StructuredWireFuzzTest {

    private static final int INPUTS_PER_SEED = 1_500;
    private static final int MAX_FRAME_BYTES = 1 << 20;
    // The decompression budget, twice over for growing buffers, plus the datagram's own copies.
    private static final long PACKET_ALLOCATION_BYTES = 4L * PacketCodec.MAX_DECOMPRESSED_BYTES;
    private static final byte[] KEY = bytes("000102030405060708090a0b0c0d0e0f");
    private static final HexFormat HEX = HexFormat.of();

    /** Golden messages a packet carries: type byte, then one msgpack map. */
    private static final List<byte[]> PACKET_MESSAGES = List.of(bytes(WireFixtures.PING_MINIMAL),
            bytes(WireFixtures.PING_FULL), bytes(WireFixtures.PING_FULL_IPV4_IN_16_BYTES),
            bytes(WireFixtures.ACK_NIL_PAYLOAD), bytes(WireFixtures.ACK_WITH_PAYLOAD), bytes(WireFixtures.NACK),
            bytes(WireFixtures.SUSPECT), bytes(WireFixtures.SUSPECT_LONG_NODE), bytes(WireFixtures.DEAD_LEAVE),
            bytes(WireFixtures.ALIVE), bytes(WireFixtures.INDIRECT_PING), bytes(WireFixtures.COMPRESSED_PING));

    /** Golden messages a stream carries: a push/pull, a user message, a ping, an ack and an error. */
    private static final List<byte[]> STREAM_MESSAGES = List.of(bytes(WireFixtures.PUSH_PULL_REQUEST),
            pushPullOfThree(),
            StreamCodec.userMessage(Bytes.fromHex("cafebabe")), bytes(WireFixtures.PING_FULL),
            bytes(WireFixtures.ACK_WITH_PAYLOAD), bytes(WireFixtures.ERR));

    /** Compressed messages that decompress to 8 MiB, 50 MiB and over 100 MiB. */
    private static final List<byte[]> BOMBS = List.of(compressed(LzwFixtures.bomb(6_000)),
            compressed(LzwFixtures.bomb(20_000)), compressed(LzwFixtures.bomb(56_000)));

    private static final CodecSettings PLAIN = CodecSettings.plain();
    private static final CodecSettings LABELLED = new CodecSettings("dc1", false, Optional.empty(), true, true, true,
            EncryptionVersion.V1);
    private static final CodecSettings SECURE = new CodecSettings("dc1", false, Optional.of(Keyring.of(KEY)), true, true,
            true, EncryptionVersion.V1);
    private static final List<CodecSettings> SETTINGS = List.of(PLAIN, LABELLED, SECURE);

    @BeforeAll
    static void warmUp() {
        AllocationMeter.assumeSupported();
        // Class loading and first use of the cipher allocate once; that is not the cost of an input.
        for (CodecSettings settings : SETTINGS) {
            new PacketCodec(settings).decode(new PacketCodec(settings).encode(bytes(WireFixtures.PING_FULL), true));
            new StreamCodec(settings).decodeRequest(new StreamCodec(settings).encodeRequest(bytes(WireFixtures.PING_FULL)));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = 0x5eed0001L)
    void packetsWithOneValuePushedPastItsLimitsFailOnlyWithWireFormatExceptionWithinTheAllocationBound(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            byte[] golden = PACKET_MESSAGES.get(random.nextInt(PACKET_MESSAGES.size()));
            WireMutations.Mutant mutant = WireMutations.pushOneValue(golden, 1, random);
            StringBuilder recipe = new StringBuilder(mutant.description());
            byte[] message = nest(mutant.bytes(), random, recipe);
            CodecSettings settings = SETTINGS.get(random.nextInt(SETTINGS.size()));
            byte[] datagram = new PacketCodec(settings).encode(message, random.nextBoolean());
            if (random.nextInt(4) == 0) {
                datagram = truncateOrFlip(datagram, random, recipe);
            }
            String where = where(seed, i, recipe, datagram);
            PacketCodec decoder = new PacketCodec(random.nextInt(8) == 0 ? SETTINGS.get(random.nextInt(3)) : settings);
            byte[] input = datagram;
            long before = AllocationMeter.allocatedBytes();
            survive(where, () -> decoder.decode(input));
            long allocated = AllocationMeter.allocatedBytes() - before;
            assertThat(allocated).as("bytes allocated decoding %s", where).isLessThan(PACKET_ALLOCATION_BYTES);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = 0x5eed0002L)
    void streamsWithOneValuePushedPastItsLimitsAreFramedInLinearStepsAndFailOnlyWithWireFormatException(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            byte[] golden = STREAM_MESSAGES.get(random.nextInt(STREAM_MESSAGES.size()));
            WireMutations.Mutant mutant = WireMutations.pushOneValue(golden, 1, random);
            StringBuilder recipe = new StringBuilder(mutant.description());
            CodecSettings settings = SETTINGS.get(random.nextInt(SETTINGS.size()));
            byte[] frame = new StreamCodec(settings).encodeRequest(mutant.bytes());
            if (random.nextInt(4) == 0) {
                frame = truncateOrFlip(frame, random, recipe);
            }
            String where = where(seed, i, recipe, frame);
            int chunk = 1 + random.nextInt(random.nextBoolean() ? 16 : 65_536);
            byte[] input = frame;
            survive(where, () -> {
                int framed = frameInChunks(input, chunk, where);
                if (framed > 0) {
                    new StreamCodec(settings).decodeRequest(Arrays.copyOf(input, framed));
                }
                return framed;
            });
        }
    }

    @Test
    void everyTruncationOfEveryGoldenPacketAndStreamFailsOnlyWithWireFormatException() {
        for (CodecSettings settings : SETTINGS) {
            PacketCodec packets = new PacketCodec(settings);
            StreamCodec streams = new StreamCodec(settings);
            for (byte[] message : PACKET_MESSAGES) {
                for (byte[] packet : List.of(packets.encode(message, false), packets.encode(message, true),
                        packets.encode(Compound.encode(List.of(message, message)), true))) {
                    for (int length = 0; length < packet.length; length++) {
                        byte[] prefix = Arrays.copyOf(packet, length);
                        survive("packet prefix " + HEX.formatHex(prefix), () -> packets.decode(prefix));
                    }
                }
            }
            for (byte[] message : STREAM_MESSAGES) {
                byte[] frame = streams.encodeRequest(message);
                StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX_FRAME_BYTES);
                for (int length = 0; length < frame.length; length++) {
                    byte[] prefix = Arrays.copyOf(frame, length);
                    String where = "stream prefix " + HEX.formatHex(prefix);
                    assertThat(framer.frameLength(frame, 0, length)).as(where).isEqualTo(-1);
                    survive(where, () -> streams.decodeRequest(prefix));
                }
                assertThat(framer.frameLength(frame, 0, frame.length)).isEqualTo(frame.length);
            }
        }
    }

    /** Wraps a message in up to four layers of compounds and compression, at times beside a bomb. */
    private static byte[] nest(byte[] message, SplittableRandom random, StringBuilder recipe) {
        byte[] out = message;
        // Compound parts hold at most 64 KiB, like the datagrams they came in.
        for (int level = random.nextInt(5); level > 0 && out.length < 8_000; level--) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    out = compress(out);
                    recipe.append(", compressed");
                }
                case 1 -> {
                    byte[] bomb = BOMBS.get(random.nextInt(BOMBS.size()));
                    out = Compound.encode(List.of(out, bomb));
                    recipe.append(", in a compound beside a ").append(bomb.length).append("-byte decompression bomb");
                }
                case 2 -> {
                    out = Compound.encode(List.of(out, PACKET_MESSAGES.get(random.nextInt(PACKET_MESSAGES.size()))));
                    if (random.nextBoolean()) {
                        // Push the compound's header past its content: one more part, or a longer first part.
                        int at = random.nextBoolean() ? 1 : 2;
                        out[at] = (byte) 0xff;
                        recipe.append(", in a compound with byte ").append(at).append(" set to ff");
                    } else {
                        recipe.append(", in a compound");
                    }
                }
                default -> {
                    out = compress(Compound.encode(List.of(compress(out), out)));
                    recipe.append(", compressed inside a compressed compound");
                }
            }
        }
        return out;
    }

    private static byte[] truncateOrFlip(byte[] bytes, SplittableRandom random, StringBuilder recipe) {
        int at = random.nextInt(bytes.length);
        if (random.nextBoolean()) {
            recipe.append(", cut to ").append(at).append(" bytes");
            return Arrays.copyOf(bytes, at);
        }
        byte[] out = bytes.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
        recipe.append(", a bit flipped at ").append(at);
        return out;
    }

    /**
     * Feeds a frame as a transport does, a chunk more each time, and checks that the framer never
     * claims more bytes than it has and reads about one msgpack header per byte.
     *
     * @return the frame length, or -1 when the bytes end first
     */
    private static int frameInChunks(byte[] input, int chunk, String where) {
        StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX_FRAME_BYTES);
        int calls = 0;
        int result = -1;
        try {
            for (int available = 0; result < 0 && available < input.length; ) {
                available = Math.min(input.length, available + chunk);
                calls++;
                result = framer.frameLength(input, 0, available);
            }
        } finally {
            assertThat(framer.scanSteps()).as("scanner steps framing %s in %d calls", where, calls)
                    .isLessThanOrEqualTo((long) input.length + calls);
        }
        assertThat(result).as("frame length of %s", where).isLessThanOrEqualTo(input.length);
        return result;
    }

    private static void survive(String where, Supplier<Object> decode) {
        try {
            decode.get();
        } catch (WireFormatException expected) {
            // The only acceptable failure.
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(where + " threw " + e, e);
        }
    }

    private static String where(long seed, int index, CharSequence recipe, byte[] input) {
        String hex = HEX.formatHex(input, 0, Math.min(input.length, 96));
        return "seed 0x" + Long.toHexString(seed) + ", input " + index + " (" + recipe + "), " + input.length + " bytes: " + hex
                + (input.length > 96 ? "…" : "");
    }

    private static byte[] compress(byte[] message) {
        return compressed(Lzw.compress(message));
    }

    private static byte[] compressed(byte[] lzwStream) {
        return MessageCodec.encode(new Compress(Compress.LZW, Bytes.wrap(lzwStream)));
    }

    private static byte[] pushPullOfThree() {
        List<PushNodeState> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(new PushNodeState("node-" + i, Bytes.fromHex("0a000001"), 7946, Bytes.fromHex("6d657461"), i + 1, i,
                    Bytes.fromHex("010502000000")));
        }
        return StreamCodec.pushPull(new PushPullHeader(3, 4, true), nodes, Bytes.fromHex("75736572"));
    }
}
