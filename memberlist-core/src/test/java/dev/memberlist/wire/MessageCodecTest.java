package dev.memberlist.wire;

import static dev.memberlist.wire.WireFixtures.bytes;
import static dev.memberlist.wire.WireFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memberlist.wire.MessageCodec.Decoded;
import dev.memberlist.wire.WireFormatException.Reason;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

class MessageCodecTest {

    static Stream<Arguments> goldenMessages() {
        return Stream.of(
                golden("4.1 minimal ping", WireFixtures.PING_MINIMAL, WireFixtures.PING_MINIMAL_MESSAGE),
                golden("4.2 full ping", WireFixtures.PING_FULL, WireFixtures.PING_FULL_MESSAGE),
                golden("4.2 ping, IPv4 in 16 bytes", WireFixtures.PING_FULL_IPV4_IN_16_BYTES,
                        WireFixtures.PING_FULL_IPV4_IN_16_BYTES_MESSAGE),
                golden("4.3 ack, nil payload", WireFixtures.ACK_NIL_PAYLOAD, WireFixtures.ACK_NIL_PAYLOAD_MESSAGE),
                golden("4.3 ack with payload", WireFixtures.ACK_WITH_PAYLOAD, WireFixtures.ACK_WITH_PAYLOAD_MESSAGE),
                golden("4.3 nack", WireFixtures.NACK, WireFixtures.NACK_MESSAGE),
                golden("4.3 err", WireFixtures.ERR, WireFixtures.ERR_MESSAGE),
                golden("4.3 suspect", WireFixtures.SUSPECT, WireFixtures.SUSPECT_MESSAGE),
                golden("4.3 dead (leave)", WireFixtures.DEAD_LEAVE, WireFixtures.DEAD_LEAVE_MESSAGE),
                golden("4.3 alive", WireFixtures.ALIVE, WireFixtures.ALIVE_MESSAGE),
                golden("4.3 indirect ping", WireFixtures.INDIRECT_PING, WireFixtures.INDIRECT_PING_MESSAGE),
                golden("4.3 suspect, 36-char node", WireFixtures.SUSPECT_LONG_NODE,
                        WireFixtures.SUSPECT_LONG_NODE_MESSAGE),
                golden("4.6 compressed ping", WireFixtures.COMPRESSED_PING, WireFixtures.COMPRESSED_PING_MESSAGE));
    }

    static Stream<Arguments> goldenStreamBodies() {
        return Stream.of(
                golden("4.3 push/pull header, 0.2.2", WireFixtures.PUSH_PULL_HEADER_V05,
                        WireFixtures.PUSH_PULL_HEADER_MESSAGE),
                golden("4.9 push/pull request header", WireFixtures.PUSH_PULL_REQUEST_HEADER,
                        WireFixtures.PUSH_PULL_REQUEST_HEADER_MESSAGE),
                golden("4.9 push node state", WireFixtures.PUSH_PULL_REQUEST_NODE,
                        WireFixtures.PUSH_PULL_REQUEST_NODE_MESSAGE));
    }

    private static Arguments golden(String name, String hex, Message message) {
        return Arguments.of(Named.of(name, hex), message);
    }

    @ParameterizedTest
    @MethodSource("goldenMessages")
    void encodesMessageExactlyAsGo(String goHex, Message message) {
        assertThat(hex(MessageCodec.encode(message))).isEqualTo(goHex);
    }

    @ParameterizedTest
    @MethodSource("goldenMessages")
    void decodesMessageFromGo(String goHex, Message message) {
        assertThat(MessageCodec.decode(bytes(goHex))).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("goldenStreamBodies")
    void encodesStreamBodyExactlyAsGoWithoutTypeByte(String goHex, Message message) {
        assertThat(hex(MessageCodec.encode(message))).isEqualTo(goHex);
    }

    @ParameterizedTest
    @MethodSource("goldenStreamBodies")
    void decodesStreamBodyFromGo(String goHex, Message message) {
        byte[] body = bytes(goHex);
        Decoded<? extends Message> decoded = MessageCodec.decodeBody(message.getClass(), body, 0, body.length);
        assertThat(decoded.message()).isEqualTo(message);
        assertThat(decoded.consumed()).isEqualTo(body.length);
    }

    @Test
    void decodesPushPullHeaderWithSignedIntFormsOfMemberlistHead() {
        byte[] body = bytes(WireFixtures.PUSH_PULL_HEADER_V2);
        assertThat(MessageCodec.decodeBody(PushPullHeader.class, body, 0, body.length).message())
                .isEqualTo(WireFixtures.PUSH_PULL_HEADER_MESSAGE);
    }

    @Test
    void writesGoIntFieldsInUnsignedFormsOfGoMsgpackV05() {
        assertThat(hex(MessageCodec.encode(new UserMessageHeader(70000))))
                .isEqualTo("81aa557365724d73674c656ece00011170");
        assertThat(hex(MessageCodec.encode(new UserMessageHeader(127)))).isEqualTo("81aa557365724d73674c656e7f");
        assertThat(hex(MessageCodec.encode(new UserMessageHeader(128)))).isEqualTo("81aa557365724d73674c656ecc80");
    }

    @Test
    void encodesPushPullRequestOfSection49FromItsParts() {
        byte[] header = MessageCodec.encode(WireFixtures.PUSH_PULL_REQUEST_HEADER_MESSAGE);
        byte[] node = MessageCodec.encode(WireFixtures.PUSH_PULL_REQUEST_NODE_MESSAGE);
        assertThat("06" + hex(header) + hex(node)).isEqualTo(WireFixtures.PUSH_PULL_REQUEST);
    }

    @Test
    void parsesPushPullRequestOfSection49ObjectByObject() {
        byte[] request = bytes(WireFixtures.PUSH_PULL_REQUEST);
        Decoded<PushPullHeader> header = MessageCodec.decodeBody(PushPullHeader.class, request, 1, request.length - 1);
        int at = 1 + header.consumed();
        Decoded<PushNodeState> node = MessageCodec.decodeBody(PushNodeState.class, request, at, request.length - at);

        assertThat(header.message()).isEqualTo(WireFixtures.PUSH_PULL_REQUEST_HEADER_MESSAGE);
        assertThat(node.message()).isEqualTo(WireFixtures.PUSH_PULL_REQUEST_NODE_MESSAGE);
        assertThat(at + node.consumed()).isEqualTo(97).isEqualTo(request.length);
    }

    @Test
    void messageWriterPutsSeveralBodiesIntoOneArrayInGoBytes() {
        byte[] written = new MessageWriter(1)
                .body(WireFixtures.SUSPECT_LONG_NODE_MESSAGE)
                .body(WireFixtures.NACK_MESSAGE)
                .toByteArray();
        assertThat(hex(written))
                .isEqualTo(WireFixtures.SUSPECT_LONG_NODE.substring(2) + WireFixtures.NACK.substring(2));
    }

    @Test
    void encodesUserMessageAsTypeByteAndRawPayload() {
        assertThat(hex(MessageCodec.encode(new UserMessage(Bytes.fromHex("c0ffee"))))).isEqualTo("08c0ffee");
        assertThat(hex(MessageCodec.encode(new UserMessage(Bytes.NIL)))).isEqualTo("08");
    }

    @Test
    void decodesUserTypeAsTheRawRestOfTheInput() {
        assertThat(MessageCodec.decode(bytes("08c0ffee"))).isEqualTo(new UserMessage(Bytes.fromHex("c0ffee")));
        assertThat(MessageCodec.decode(bytes("08"))).isEqualTo(new UserMessage(Bytes.EMPTY));
    }

    @Test
    void messageWriterRejectsUserMessageAsABody() {
        assertThatThrownBy(() -> new MessageWriter(1).body(new UserMessage(Bytes.EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeBodyRejectsUserMessage() {
        assertThatThrownBy(() -> MessageCodec.decodeBody(UserMessage.class, new byte[] {(byte) 0x80}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 10, 12, 14, 100, 243, 244, 255})
    void decodeRejectsTypesThatAreNotSingleMessages(int type) {
        assertReason(() -> MessageCodec.decode(new byte[] {(byte) type, (byte) 0x80}), Reason.UNKNOWN_TYPE);
    }

    @Test
    void decodeRejectsEmptyInputAsTruncated() {
        assertReason(() -> MessageCodec.decode(new byte[0]), Reason.TRUNCATED);
        assertReason(() -> MessageCodec.decode(new byte[] {1, 2, 3}, 3, 0), Reason.TRUNCATED);
    }

    @Test
    void decodeLeavesCompressedMessageCompressed() {
        assertThat(MessageCodec.decode(bytes(WireFixtures.COMPRESSED_PING))).isInstanceOf(Compress.class);
    }

    @Test
    void decodeIgnoresTrailingBytes() {
        assertThat(MessageCodec.decode(bytes(WireFixtures.NACK + "ffc1deadbeef")))
                .isEqualTo(WireFixtures.NACK_MESSAGE);
    }

    @Test
    void decodeReadsOnlyTheGivenSlice() {
        byte[] framed = bytes("ffff" + WireFixtures.SUSPECT + "ffff");
        int length = framed.length - 4;
        assertThat(MessageCodec.decode(framed, 2, length)).isEqualTo(WireFixtures.SUSPECT_MESSAGE);
        assertReason(() -> MessageCodec.decode(framed, 2, length - 1), Reason.TRUNCATED);
    }

    @Test
    void decodeBodyReportsBytesConsumedBeforeTrailingData() {
        byte[] buf = bytes(WireFixtures.ALIVE.substring(2) + "0102");
        Decoded<Alive> decoded = MessageCodec.decodeBody(Alive.class, buf, 0, buf.length);
        assertThat(decoded.consumed()).isEqualTo(buf.length - 2);
    }

    @Test
    void writesNilBytesAsMsgpackNilAndEmptyBytesAsEmptyString() {
        Alive nilMeta = new Alive(1, "n", Bytes.EMPTY, 1, Bytes.NIL, Bytes.EMPTY);
        Alive emptyMeta = new Alive(1, "n", Bytes.EMPTY, 1, Bytes.EMPTY, Bytes.EMPTY);
        assertThat(hex(MessageCodec.encode(nilMeta))).contains("a44d657461c0");
        assertThat(hex(MessageCodec.encode(emptyMeta))).contains("a44d657461a0");
        assertThat(((Alive) MessageCodec.decode(MessageCodec.encode(nilMeta))).meta().isNil()).isTrue();
        assertThat(((Alive) MessageCodec.decode(MessageCodec.encode(emptyMeta))).meta().isNil()).isFalse();
    }

    @Test
    void omitsEmptyPingSourceFieldsOnly() {
        Ping empty = new Ping(1, "", Bytes.EMPTY, 0, "");
        assertThat(hex(MessageCodec.encode(empty))).isEqualTo("0082a44e6f6465a0a55365714e6f01");
        IndirectPingRequest request = new IndirectPingRequest(0, Bytes.NIL, 0, "", false, Bytes.NIL, 0, "");
        assertThat(hex(MessageCodec.encode(request)))
                .isEqualTo("0185a44e61636bc2a44e6f6465a0a4506f727400a55365714e6f00a6546172676574c0");
    }

    @Test
    void writesStringLengthsAtFormatBoundariesWithoutStr8() {
        assertThat(hex(MessageCodec.encode(new ErrorResponse("x".repeat(31))))).startsWith("0d81a54572726f72bf");
        assertThat(hex(MessageCodec.encode(new ErrorResponse("x".repeat(32))))).startsWith("0d81a54572726f72da0020");
        assertThat(hex(MessageCodec.encode(new ErrorResponse("x".repeat(255))))).startsWith("0d81a54572726f72da00ff");
        assertThat(hex(MessageCodec.encode(new ErrorResponse("x".repeat(65535)))))
                .startsWith("0d81a54572726f72daffff");
        assertThat(hex(MessageCodec.encode(new ErrorResponse("x".repeat(65536)))))
                .startsWith("0d81a54572726f72db00010000");
    }

    @Test
    void encodesMultiByteUtf8ByByteLength() {
        byte[] encoded = MessageCodec.encode(new ErrorResponse("é"));
        assertThat(hex(encoded)).isEqualTo("0d81a54572726f72a2c3a9");
        assertThat(MessageCodec.decode(encoded)).isEqualTo(new ErrorResponse("é"));
    }

    @Test
    void encodeRejectsValuesTheDecoderWouldRefuse() {
        assertThatThrownBy(() -> MessageCodec.encode(new PushPullHeader(MessageCodec.MAX_PUSH_PULL_NODES + 1, 0, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.encode(
                new PushPullHeader(0, MessageCodec.MAX_USER_STATE_LENGTH + 1, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.encode(new UserMessageHeader(MessageCodec.MAX_USER_MESSAGE_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.encode(
                new PushNodeState("n", Bytes.NIL, 0, Bytes.NIL, 0, -1, Bytes.NIL)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsRandomMessagesOfEveryKind() {
        long seed = 0x5eed_c0dec_0deL;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            Message message = RandomMessages.any(random);
            byte[] encoded = MessageCodec.encode(message);
            Message decoded = message instanceof PushPullHeader || message instanceof PushNodeState
                    || message instanceof UserMessageHeader
                    ? MessageCodec.decodeBody(message.getClass(), encoded, 0, encoded.length).message()
                    : MessageCodec.decode(encoded);
            assertThat(decoded).as("seed %d, iteration %d", seed, i).isEqualTo(message);
            assertThat(MessageCodec.encode(decoded)).as("seed %d, iteration %d", seed, i).isEqualTo(encoded);
        }
    }

    static void assertReason(Runnable decode, Reason reason) {
        assertThatThrownBy(decode::run)
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
