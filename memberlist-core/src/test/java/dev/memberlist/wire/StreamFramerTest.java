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
        int result = -1;
        for (int available = 1024; result < 0; available = Math.min(frame.length, available + 1024)) {
            result = framer.frameLength(frame, 0, available);
        }
        assertThat(result).isEqualTo(frame.length);
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
