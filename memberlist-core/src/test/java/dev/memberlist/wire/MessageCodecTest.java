package dev.memberlist.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MessageCodecTest {

    private static final Bytes LOCALHOST = Bytes.fromHex("7f000001");
    private static final Bytes VSN = Bytes.fromHex("010502000000");

    static Stream<org.junit.jupiter.params.provider.Arguments> goldenVectors() {
        return Stream.of(
                arguments(new Ping(1, "node-b", Bytes.NIL, 0, ""), WireFixtures.PING_MINIMAL),
                arguments(new Ping(42, "node-b", LOCALHOST, 7946, "node-a"), WireFixtures.PING_FULL),
                arguments(new Ping(300, "b", Bytes.fromHex("00000000000000000000ffff0a000001"), 7946, "a"),
                        WireFixtures.PING_MAPPED_IPV4),
                arguments(new AckResponse(42, Bytes.NIL), WireFixtures.ACK_NIL),
                arguments(new AckResponse(70000, Bytes.fromHex("6869")), WireFixtures.ACK_PAYLOAD),
                arguments(new NackResponse(42), WireFixtures.NACK),
                arguments(new ErrorResponse("boom"), WireFixtures.ERR),
                arguments(new Suspect(5, "node-b", "node-a"), WireFixtures.SUSPECT),
                arguments(new Dead(7, "node-a", "node-a"), WireFixtures.DEAD_LEAVE),
                arguments(new Alive(1, "node-a", LOCALHOST, 7946, Bytes.NIL, VSN), WireFixtures.ALIVE),
                arguments(new IndirectPingRequest(42, LOCALHOST, 7946, "node-c", true, LOCALHOST, 7946, "node-a"),
                        WireFixtures.INDIRECT),
                arguments(new Suspect(5, "x".repeat(36), "x"), null),
                arguments(new PushPullHeader(200, 40000, false), WireFixtures.PUSH_PULL_HEADER_V05));
    }

    @ParameterizedTest
    @MethodSource("goldenVectors")
    void encodesExactlyAsGoDoes(Message message, String hex) {
        byte[] encoded = MessageCodec.encode(message);
        if (hex == null) {
            String name = HexFormat.of().formatHex("x".repeat(36).getBytes());
            hex = "0383a446726f6da178ab496e6361726e6174696f6e05a44e6f6465da0024" + name;
        }
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(hex);
    }

    @ParameterizedTest
    @MethodSource("goldenVectors")
    void decodesWhatItEncodes(Message message, String ignoredHex) {
        byte[] encoded = MessageCodec.encode(message);
        Message decoded = message instanceof PushPullHeader
                ? MessageCodec.decodeBody(PushPullHeader.class, encoded, 0, encoded.length).message()
                : MessageCodec.decode(encoded);
        assertThat(decoded).isEqualTo(message);
    }

    @Test
    void emptyAndNilByteSlicesEncodeDifferently() {
        String nil = HexFormat.of().formatHex(MessageCodec.encode(new AckResponse(1, Bytes.NIL)));
        String empty = HexFormat.of().formatHex(MessageCodec.encode(new AckResponse(1, Bytes.EMPTY)));
        assertThat(nil).contains("c0");
        assertThat(empty).isEqualTo("0282a75061796c6f6164a0a55365714e6f01");
    }

    @Test
    void decodesGoHeadSignedIntegerForms() {
        byte[] v2 = bytes(WireFixtures.PUSH_PULL_HEADER_V2);
        assertThat(MessageCodec.decodeBody(PushPullHeader.class, v2, 0, v2.length).message())
                .isEqualTo(new PushPullHeader(200, 40000, false));
    }

    @Test
    void decodesStr8IntoStringsAndBytes() {
        // {"Node": str8 "node-b", "SeqNo": 1, "SourceAddr": str8 127.0.0.1}
        byte[] ping = bytes("0083d9044e6f6465d9066e6f64652d62a55365714e6f01aa536f7572636541646472d9047f000001");
        assertThat(MessageCodec.decode(ping)).isEqualTo(new Ping(1, "node-b", LOCALHOST, 0, ""));
    }

    @Test
    void decodesBinIntoBytesAndStrings() {
        // {"Node": bin8 "node-b", "SeqNo": 1, "SourceAddr": bin8 127.0.0.1}
        byte[] ping = bytes("0083a44e6f6465c4066e6f64652d62a55365714e6f01aa536f7572636541646472c4047f000001");
        assertThat(MessageCodec.decode(ping)).isEqualTo(new Ping(1, "node-b", LOCALHOST, 0, ""));
    }

    @Test
    void decodesVsnSentAsAnArrayOfSmallIntegers() {
        byte[] alive = bytes(WireFixtures.ALIVE.replace("a356736ea6010502000000", "a356736e96010502000000"));
        assertThat(((Alive) MessageCodec.decode(alive)).vsn()).isEqualTo(VSN);
    }

    @Test
    void ignoresUnknownKeysWhateverTheirValues() {
        // {"X": {"a": [1, 2]}, "SeqNo": 42, "Y": nil}
        byte[] nack = bytes("0b83a15881a16192010 2a55365714e6f2aa159c0".replace(" ", ""));
        assertThat(MessageCodec.decode(nack)).isEqualTo(new NackResponse(42));
    }

    @Test
    void missingKeysGetGoZeroValues() {
        assertThat(MessageCodec.decode(bytes("0480"))).isEqualTo(new Alive(0, "", Bytes.NIL, 0, Bytes.NIL, Bytes.NIL));
    }

    @Test
    void keysDifferingInCaseAreNotMatched() {
        assertThat(MessageCodec.decode(bytes("0b81a57365716e6f2a"))).isEqualTo(new NackResponse(0));
    }

    @Test
    void acceptsKeysInAnyOrderAndMap16Headers() {
        byte[] suspect = bytes("03de0003a44e6f6465a162a446726f6da161ab496e6361726e6174696f6e05");
        assertThat(MessageCodec.decode(suspect)).isEqualTo(new Suspect(5, "b", "a"));
    }

    @Test
    void nilDecodesToEmptyStringsAndNilBytes() {
        byte[] ping = bytes("0083a44e6f6465c0a55365714e6f01aa536f7572636541646472c0");
        assertThat(MessageCodec.decode(ping)).isEqualTo(new Ping(1, "", Bytes.NIL, 0, ""));
    }

    @Test
    void trailingBytesAfterTheMapAreIgnored() {
        assertThat(MessageCodec.decode(bytes(WireFixtures.NACK + "ffff"))).isEqualTo(new NackResponse(42));
    }

    @Test
    void reportsHowManyBytesABodyTook() {
        byte[] request = bytes(WireFixtures.PUSH_PULL_REQUEST);
        MessageCodec.Decoded<PushPullHeader> header = MessageCodec.decodeBody(PushPullHeader.class, request, 1, request.length - 1);
        MessageCodec.Decoded<PushNodeState> node = MessageCodec.decodeBody(PushNodeState.class, request,
                1 + header.consumed(), request.length - 1 - header.consumed());

        assertThat(header.message()).isEqualTo(new PushPullHeader(1, 0, true));
        assertThat(node.message()).isEqualTo(new PushNodeState("node-a", LOCALHOST, 7946, Bytes.NIL, 1, 0, VSN));
        assertThat(1 + header.consumed() + node.consumed()).isEqualTo(request.length);
    }

    @Test
    void userMessagesAreRawBytesAfterTheTypeByte() {
        byte[] encoded = MessageCodec.encode(new UserMessage(Bytes.fromHex("cafe")));
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("08cafe");
        assertThat(MessageCodec.decode(encoded)).isEqualTo(new UserMessage(Bytes.fromHex("cafe")));
    }

    @Test
    void rejectsEveryBadInputWithAReason() {
        List<Object[]> cases = List.of(
                new Object[] {"", WireFormatException.Reason.TRUNCATED},
                new Object[] {"07", WireFormatException.Reason.UNKNOWN_TYPE},
                new Object[] {"63", WireFormatException.Reason.UNKNOWN_TYPE},
                new Object[] {"0b81a55365714e6f", WireFormatException.Reason.TRUNCATED},
                new Object[] {"0b81a55365714e6fcf0000000100000000", WireFormatException.Reason.OUT_OF_RANGE},
                new Object[] {"0b81a55365714e6fa161", WireFormatException.Reason.MALFORMED},
                new Object[] {"0b81a55365714e6fff", WireFormatException.Reason.OUT_OF_RANGE},
                new Object[] {"0481a4506f7274ce00010000", WireFormatException.Reason.OUT_OF_RANGE},
                new Object[] {"0481a44e6f6465dbffffffff", WireFormatException.Reason.OVERSIZED},
                new Object[] {"0481a44e6f6465da0010", WireFormatException.Reason.TRUNCATED},
                new Object[] {"0481a44e6f6465c1", WireFormatException.Reason.MALFORMED},
                new Object[] {"03dfffffffff", WireFormatException.Reason.OVERSIZED},
                new Object[] {"03de0003", WireFormatException.Reason.TRUNCATED});
        for (Object[] c : cases) {
            assertThatThrownBy(() -> MessageCodec.decode(bytes((String) c[0])))
                    .as("input %s", c[0])
                    .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(c[1]));
        }
    }

    @Test
    void rejectsPushPullHeadersAboveGoLimits() {
        byte[] tooManyNodes = bytes("81a54e6f646573ce00100001");
        byte[] tooMuchState = bytes("81ac5573657253746174654c656ece01400001");
        assertThatThrownBy(() -> MessageCodec.decodeBody(PushPullHeader.class, tooManyNodes, 0, tooManyNodes.length))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.OVERSIZED));
        assertThatThrownBy(() -> MessageCodec.decodeBody(PushPullHeader.class, tooMuchState, 0, tooMuchState.length))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.OVERSIZED));
    }
}
