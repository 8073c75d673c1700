package dev.memberlist.wire;

import dev.memberlist.security.Keyring;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.memberlist.wire.PacketCodecTest.settings;
import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamFramerTest {

    private static final int MAX = 30 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] KEY = bytes("000102030405060708090a0b0c0d0e0f");

    @Test
    void findsTheEndOfEveryFrameShapeFedOneByteAtATime() {
        for (byte[] frame : requestFrames()) {
            StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX);
            byte[] withTrailer = Arrays.copyOf(frame, frame.length + 7);
            for (int available = 0; available < frame.length; available++) {
                assertThat(framer.frameLength(withTrailer, 0, available)).as("%d of %d bytes", available, frame.length)
                        .isEqualTo(-1);
            }
            assertThat(framer.frameLength(withTrailer, 0, withTrailer.length)).isEqualTo(frame.length);
        }
    }

    @Test
    void responsesHaveNoLabelHeader() {
        StreamFramer framer = new StreamFramer(StreamFramer.Side.RESPONSE, MAX);

        assertThatThrownBy(() -> framer.frameLength(bytes("f403646331" + WireFixtures.NACK), 0, 14))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.UNKNOWN_TYPE));
    }

    @Test
    void aLargePushPullArrivingInChunksIsFramedInLinearTime() {
        List<PushNodeState> nodes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            nodes.add(new PushNodeState("node-" + i, Bytes.fromHex("0a000001"), 7946, Bytes.NIL, i, 0,
                    Bytes.fromHex("010502000000")));
        }
        byte[] frame = StreamCodec.pushPull(new PushPullHeader(nodes.size(), 3, false), nodes, Bytes.fromHex("010203"));
        StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX);

        assertThat(frameInChunks(framer, frame, 1024)).isEqualTo(frame.length);
        assertThat(framer.scanSteps()).as("scanner steps for %d bytes", frame.length).isLessThan(frame.length);
    }

    @Test
    void aDeeplyNestedPingArrivingInChunksIsScannedInStepsLinearInItsLength() {
        // A ping whose body is 20 MiB of one-element arrays, each holding the next: the worst case
        // for a framer that scans from the frame's start on every read.
        byte[] frame = new byte[20 * 1024 * 1024];
        frame[0] = (byte) MessageType.PING.code();
        Arrays.fill(frame, 1, frame.length - 1, (byte) 0x91);
        frame[frame.length - 1] = 0x01;
        StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX);

        assertThat(frameInChunks(framer, frame, CHUNK)).isEqualTo(frame.length);
        assertThat(framer.scanSteps()).as("scanner steps for %d bytes", frame.length)
                .isLessThanOrEqualTo(frame.length + (long) frame.length / CHUNK + 1);
    }

    @Test
    void aPushPullWithOneHugeNodeAndHeaderArrivingInChunksIsScannedInStepsLinearInItsLength() {
        // Header and node state each carry an unknown field of 4 MiB of small values, so each stays
        // incomplete across many reads.
        int padding = 2 * 1024 * 1024;
        byte[] header = withPadding(bytes(WireFixtures.PUSH_PULL_REQUEST_HEADER), padding);
        byte[] node = withPadding(bytes(WireFixtures.PUSH_PULL_REQUEST_NODE), padding);
        byte[] frame = new byte[1 + header.length + node.length];
        frame[0] = (byte) MessageType.PUSH_PULL.code();
        System.arraycopy(header, 0, frame, 1, header.length);
        System.arraycopy(node, 0, frame, 1 + header.length, node.length);
        StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX);

        assertThat(frameInChunks(framer, frame, CHUNK)).isEqualTo(frame.length);
        assertThat(framer.scanSteps()).as("scanner steps for %d bytes", frame.length).isLessThan(frame.length);
        assertThat(new StreamCodec(CodecSettings.plain()).decodeRequest(frame)).isInstanceOf(StreamMessage.PushPull.class);
    }

    @Test
    void rejectsFramesAboveTheLimitAsSoonAsTheyAreKnown() {
        StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, 1000);
        byte[] huge = bytes("0a7fffffff");

        assertThatThrownBy(() -> framer.frameLength(huge, 0, huge.length)).isInstanceOfSatisfying(WireFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.OVERSIZED));
        byte[] userMessage = StreamCodec.userMessage(Bytes.copyOf(new byte[2000]));
        StreamFramer small = new StreamFramer(StreamFramer.Side.REQUEST, 1000);
        assertThatThrownBy(() -> small.frameLength(userMessage, 0, userMessage.length))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void rejectsValuesThatDeclareMoreThanTheLimitBeforeTheirBytesArrive() {
        byte[] pingWithHugeBinary = bytes("0081a3506164c67fffffff");
        byte[] pushPullOfManyNodes = bytes("0683a44a6f696ec2a54e6f646573cd1388ac5573657253746174654c656e00");
        byte[] userMessageOfHugePayload = bytes("0881aa557365724d73674c656ece00100000");

        for (byte[] start : List.of(pingWithHugeBinary, pushPullOfManyNodes, userMessageOfHugePayload)) {
            StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, 1000);
            assertThatThrownBy(() -> framer.frameLength(start, 0, start.length)).as(WireFixtures.hex(start))
                    .isInstanceOfSatisfying(WireFormatException.class,
                            e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.OVERSIZED));
        }
    }

    @Test
    void rejectsUnknownFirstBytes() {
        StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX);

        assertThatThrownBy(() -> framer.frameLength(bytes("4480"), 0, 2)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void canBeResetForAnotherStream() {
        StreamFramer framer = new StreamFramer(StreamFramer.Side.REQUEST, MAX);
        byte[] nack = bytes(WireFixtures.ERR);
        assertThat(framer.frameLength(nack, 0, nack.length)).isEqualTo(nack.length);

        framer.reset();
        byte[] ping = bytes(WireFixtures.PING_MINIMAL);

        assertThat(framer.frameLength(ping, 0, ping.length)).isEqualTo(ping.length);
    }

    /** Feeds {@code frame} the way the transport does: the whole stream so far, a chunk more each time. */
    private static int frameInChunks(StreamFramer framer, byte[] frame, int chunk) {
        int result = -1;
        for (int available = Math.min(chunk, frame.length); result < 0; available = Math.min(frame.length, available + chunk)) {
            result = framer.frameLength(frame, 0, available);
        }
        return result;
    }

    /**
     * Adds an unknown key {@code "Pad"} to a msgpack fixmap, holding an array of {@code count}
     * one-element arrays: more values than a scanner can rule out by counting the bytes still missing.
     */
    private static byte[] withPadding(byte[] fixmap, int count) {
        byte[] key = bytes("a3506164dd");
        byte[] out = new byte[fixmap.length + key.length + 4 + 2 * count];
        System.arraycopy(fixmap, 0, out, 0, fixmap.length);
        out[0]++;
        System.arraycopy(key, 0, out, fixmap.length, key.length);
        int at = fixmap.length + key.length;
        out[at] = (byte) (count >>> 24);
        out[at + 1] = (byte) (count >>> 16);
        out[at + 2] = (byte) (count >>> 8);
        out[at + 3] = (byte) count;
        for (int i = at + 4; i < out.length; i += 2) {
            out[i] = (byte) 0x91;
            out[i + 1] = 0x01;
        }
        return out;
    }

    private static List<byte[]> requestFrames() {
        List<byte[]> frames = new ArrayList<>();
        byte[] pushPull = bytes(WireFixtures.PUSH_PULL_REQUEST);
        byte[] user = StreamCodec.userMessage(Bytes.fromHex("cafebabe"));
        byte[] ping = bytes(WireFixtures.PING_FULL);
        for (String label : List.of("", "dc1")) {
            for (Optional<Keyring> keyring : List.of(Optional.<Keyring>empty(), Optional.of(Keyring.of(KEY)))) {
                for (boolean compression : new boolean[] {false, true}) {
                    StreamCodec codec = new StreamCodec(settings(label, keyring, compression));
                    frames.add(codec.encodeRequest(pushPull));
                    frames.add(codec.encodeRequest(user));
                    frames.add(codec.encodeRequest(ping));
                    frames.add(codec.encodeRequest(bytes(WireFixtures.ERR)));
                    frames.add(codec.encodeRequest(bytes(WireFixtures.ACK_WITH_PAYLOAD)));
                }
            }
        }
        return frames;
    }
}
