package dev.memberlist.wire;

import static dev.memberlist.wire.MessageCodecTest.assertReason;
import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memberlist.wire.WireFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding leniency and limits of PROTOCOL.md §2, exercised through {@link MessageCodec#decodeBody}
 * with hand-made msgpack. Keys used below: {@code a5 5365714e6f} "SeqNo", {@code a5 4572726f72}
 * "Error", {@code a7 5061796c6f6164} "Payload".
 */
class GoMsgpackReaderTest {

    private static final String SEQ_NO = "a55365714e6f";
    private static final String ERROR = "a54572726f72";
    private static final String PAYLOAD = "a75061796c6f6164";
    private static final String NACK = "a44e61636b";
    private static final String NODES = "a54e6f646573";
    private static final String USER_STATE_LEN = "ac5573657253746174654c656e";
    private static final String USER_MSG_LEN = "aa557365724d73674c656e";
    private static final String STATE = "a55374617465";
    private static final String PORT = "a4506f7274";
    private static final String ALGO = "a4416c676f";
    private static final String META = "a44d657461";

    private static <T extends Message> T decode(Class<T> kind, String hex) {
        byte[] body = bytes(hex);
        return MessageCodec.decodeBody(kind, body, 0, body.length).message();
    }

    private static <T extends Message> T decodeField(Class<T> kind, String key, String value) {
        return decode(kind, "81" + key + value);
    }

    private static void assertFieldReason(Class<? extends Message> kind, String key, String value, Reason reason) {
        assertReason(() -> decodeField(kind, key, value), reason);
    }

    @ParameterizedTest
    @CsvSource({
        "c0, nil", "2a, fixint", "cb3ff0000000000000, float64", "a3616263, fixstr", "c403010203, bin8",
        "93010203, fixarray", "82a16101a162920102, nested map", "d40100, fixext1", "c70201aabb, ext8",
        "de0000, empty map16", "dd00000000, empty array32"})
    void skipsUnknownKeysWhateverTheirValue(String value, String kind) {
        assertThat(decode(NackResponse.class, "82a7556e6b6e6f776e" + value + SEQ_NO + "2a"))
                .as(kind).isEqualTo(new NackResponse(42));
    }

    @Test
    void leavesMissingKeysAtZeroValues() {
        Alive alive = decode(Alive.class, "80");
        assertThat(alive).isEqualTo(new Alive(0, "", Bytes.NIL, 0, Bytes.NIL, Bytes.NIL));
        assertThat(alive.addr().isNil()).isTrue();
        assertThat(alive.meta().isNil()).isTrue();
        assertThat(alive.vsn().isNil()).isTrue();
        assertThat(decode(IndirectPingRequest.class, "80"))
                .isEqualTo(new IndirectPingRequest(0, Bytes.NIL, 0, "", false, Bytes.NIL, 0, ""));
    }

    @Test
    void decodesNilBodyAsStructWithZeroValues() {
        assertThat(decode(NackResponse.class, "c0")).isEqualTo(new NackResponse(0));
    }

    @Test
    void doesNotMatchKeysThatDifferInCase() {
        assertThat(decodeField(NackResponse.class, "a57365716e6f", "2a")).isEqualTo(new NackResponse(0));
        assertThat(decodeField(NackResponse.class, "a55345514e4f", "2a")).isEqualTo(new NackResponse(0));
    }

    @ParameterizedTest
    @CsvSource({"a3616263, fixstr", "d903616263, str8", "da0003616263, str16", "db00000003616263, str32",
        "c403616263, bin8", "c50003616263, bin16", "c600000003616263, bin32"})
    void decodesStringFromEveryRawForm(String value, String form) {
        assertThat(decodeField(ErrorResponse.class, ERROR, value)).as(form).isEqualTo(new ErrorResponse("abc"));
    }

    @ParameterizedTest
    @CsvSource({"a3616263, fixstr", "d903616263, str8", "da0003616263, str16", "db00000003616263, str32",
        "c403616263, bin8", "c50003616263, bin16", "c600000003616263, bin32", "93616263, fixarray",
        "dc0003cc61d06263, array16 of mixed int forms", "dd00000003616263, array32"})
    void decodesBytesFromEveryRawFormAndFromArrays(String value, String form) {
        assertThat(decodeField(AckResponse.class, PAYLOAD, value).payload()).as(form)
                .isEqualTo(Bytes.fromHex("616263"));
    }

    @Test
    void decodesVsnSentAsArrayOfSmallInts() {
        assertThat(decodeField(Alive.class, "a356736e", "96010502000000").vsn())
                .isEqualTo(Bytes.fromHex("010502000000"));
    }

    @Test
    void rejectsArrayElementsThatAreNotBytes() {
        assertFieldReason(AckResponse.class, PAYLOAD, "91cd0100", Reason.OUT_OF_RANGE);
        assertFieldReason(AckResponse.class, PAYLOAD, "91ff", Reason.OUT_OF_RANGE);
        assertFieldReason(AckResponse.class, PAYLOAD, "91a161", Reason.MALFORMED);
    }

    @ParameterizedTest
    @CsvSource({"2a", "cc2a", "cd002a", "ce0000002a", "cf000000000000002a", "d02a", "d1002a", "d20000002a",
        "d3000000000000002a"})
    void acceptsEveryIntegerFormForUnsignedFields(String value) {
        assertThat(decodeField(NackResponse.class, SEQ_NO, value)).isEqualTo(new NackResponse(42));
    }

    @ParameterizedTest
    @CsvSource({"ccc8", "cd00c8", "d100c8", "d2000000c8", "d300000000000000c8", "cf00000000000000c8"})
    void acceptsEveryIntegerFormForGoIntFields(String value) {
        assertThat(decodeField(PushPullHeader.class, NODES, value).nodes()).isEqualTo(200);
        assertThat(decodeField(PushNodeState.class, STATE, value).state()).isEqualTo(200);
    }

    @Test
    void acceptsLargestU32() {
        assertThat(decodeField(NackResponse.class, SEQ_NO, "ceffffffff")).isEqualTo(new NackResponse(0xffff_ffffL));
    }

    @Test
    void decodesNilIntoAnyFieldAsItsZeroValue() {
        String nils = "85" + "a44e6f6465c0" + SEQ_NO + "c0" + "aa536f7572636541646472c0"
                + "aa536f75726365506f7274c0" + "aa536f757263654e6f6465c0";
        Ping ping = decode(Ping.class, nils);
        assertThat(ping).isEqualTo(new Ping(0, "", Bytes.NIL, 0, ""));
        assertThat(ping.sourceAddr().isNil()).isTrue();
        assertThat(decodeField(IndirectPingRequest.class, NACK, "c0").nack()).isFalse();
    }

    @Test
    void readsBooleansFromZeroAndOneToo() {
        assertThat(decodeField(IndirectPingRequest.class, NACK, "01").nack()).isTrue();
        assertThat(decodeField(IndirectPingRequest.class, NACK, "00").nack()).isFalse();
        assertFieldReason(IndirectPingRequest.class, NACK, "02", Reason.MALFORMED);
    }

    @Test
    void acceptsMap16AndMap32Headers() {
        assertThat(decode(NackResponse.class, "de0001" + SEQ_NO + "2a")).isEqualTo(new NackResponse(42));
        assertThat(decode(NackResponse.class, "df00000001" + SEQ_NO + "2a")).isEqualTo(new NackResponse(42));
    }

    @Test
    void acceptsKeysInAnyOrder() {
        String reversed = "86a356736ea6010502000000a4506f7274cd1f0aa44e6f6465a66e6f64652d61a44d657461c0"
                + "ab496e6361726e6174696f6e01a441646472a47f000001";
        assertThat(decode(Alive.class, reversed)).isEqualTo(WireFixtures.ALIVE_MESSAGE);
    }

    @Test
    void acceptsKeysAsStr8OrBinAndSkipsNilKeys() {
        assertThat(decode(NackResponse.class, "81d9055365714e6f2a")).isEqualTo(new NackResponse(42));
        assertThat(decode(NackResponse.class, "81c4055365714e6f2a")).isEqualTo(new NackResponse(42));
        assertThat(decode(NackResponse.class, "82c001" + SEQ_NO + "2a")).isEqualTo(new NackResponse(42));
    }

    @Test
    void rejectsKeysThatAreNotStrings() {
        assertReason(() -> decode(NackResponse.class, "81012a"), Reason.MALFORMED);
    }

    @Test
    void keepsTheLastValueOfARepeatedKey() {
        assertThat(decode(NackResponse.class, "82" + SEQ_NO + "01" + SEQ_NO + "02")).isEqualTo(new NackResponse(2));
    }

    @ParameterizedTest
    @CsvSource({"ff, negative fixint", "d0ff, negative int8", "cf0000000100000000, 2^32",
        "cfffffffffffffffff, 2^64-1"})
    void rejectsU32OutOfRange(String value, String what) {
        assertFieldReason(NackResponse.class, SEQ_NO, value, Reason.OUT_OF_RANGE);
    }

    @Test
    void rejectsU16AndU8OutOfRange() {
        assertFieldReason(Alive.class, PORT, "ce00010000", Reason.OUT_OF_RANGE);
        assertFieldReason(Compress.class, ALGO, "cd0100", Reason.OUT_OF_RANGE);
        assertThat(decodeField(Alive.class, PORT, "cdffff").port()).isEqualTo(65535);
        assertThat(decodeField(Compress.class, ALGO, "ccff").algo()).isEqualTo(255);
    }

    @Test
    void rejectsNegativeGoIntFields() {
        assertFieldReason(PushPullHeader.class, NODES, "ff", Reason.OUT_OF_RANGE);
        assertFieldReason(PushPullHeader.class, USER_STATE_LEN, "d0ff", Reason.OUT_OF_RANGE);
        assertFieldReason(UserMessageHeader.class, USER_MSG_LEN, "d2ffffffff", Reason.OUT_OF_RANGE);
        assertFieldReason(PushNodeState.class, STATE, "ff", Reason.OUT_OF_RANGE);
    }

    @Test
    void rejectsStateAboveJavaInt() {
        assertFieldReason(PushNodeState.class, STATE, "ce80000000", Reason.OUT_OF_RANGE);
        assertThat(decodeField(PushNodeState.class, STATE, "ce7fffffff").state()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void acceptsCountsUpToTheLimits() {
        assertThat(decodeField(PushPullHeader.class, NODES, "ce00100000").nodes()).isEqualTo(1 << 20);
        assertThat(decodeField(PushPullHeader.class, USER_STATE_LEN, "ce01400000").userStateLen())
                .isEqualTo(20 << 20);
        assertThat(decodeField(UserMessageHeader.class, USER_MSG_LEN, "ce01400000").userMsgLen())
                .isEqualTo(20 << 20);
    }

    @Test
    void rejectsCountsAboveTheLimitsAsOversized() {
        assertFieldReason(PushPullHeader.class, NODES, "ce00100001", Reason.OVERSIZED);
        assertFieldReason(PushPullHeader.class, NODES, "cf0000010000000000", Reason.OVERSIZED);
        assertFieldReason(PushPullHeader.class, USER_STATE_LEN, "ce01400001", Reason.OVERSIZED);
        assertFieldReason(UserMessageHeader.class, USER_MSG_LEN, "ce01400001", Reason.OVERSIZED);
    }

    @ParameterizedTest
    @CsvSource({
        "81a54572726f72db7fffffff, str32 value claiming 2 GiB",
        "81a54572726f72c67fffffff, bin32 value claiming 2 GiB",
        "81db7fffffff, str32 key claiming 2 GiB",
        "81a75061796c6f6164dd7fffffff, array32 of bytes claiming 2^31-1 elements",
        "df7fffffffa55365714e6f2a, map32 claiming 2^31-1 entries",
        "81a1789fdd7fffffff, skipped array32 claiming 2^31-1 elements",
        "81a178c97fffffff01, skipped ext32 claiming 2 GiB"})
    void rejectsLengthsBeyondTheInputAsTruncatedBeforeAllocating(String hex, String what) {
        assertReason(() -> decode(AckResponse.class, hex), Reason.TRUNCATED);
    }

    @Test
    void rejectsLengthsBeyondJavaArraysAsMalformed() {
        assertReason(() -> decode(NackResponse.class, "dfffffffff"), Reason.MALFORMED);
        assertReason(() -> decodeField(ErrorResponse.class, ERROR, "dbffffffff"), Reason.MALFORMED);
    }

    @Test
    void acceptsMetaLongerThanGoProducersSend() {
        String meta = "ab".repeat(600);
        assertThat(decodeField(Alive.class, META, "da0258" + meta).meta()).isEqualTo(Bytes.fromHex(meta));
    }

    @ParameterizedTest
    @CsvSource({
        "ErrorResponse, 81a54572726f7280, map into a string",
        "ErrorResponse, 81a54572726f722a, int into a string",
        "ErrorResponse, 81a54572726f72c3, bool into a string",
        "NackResponse, 81a55365714e6fa12a, string into an integer",
        "NackResponse, 81a55365714e6fcb4045000000000000, float64 into an integer",
        "NackResponse, 81a55365714e6fca42280000, float32 into an integer",
        "NackResponse, 81a55365714e6f90, array into an integer",
        "AckResponse, 81a75061796c6f61642a, int into bytes",
        "AckResponse, 81a75061796c6f616480, map into bytes",
        "IndirectPingRequest, 81a44e61636ba3747275, string into a bool",
        "NackResponse, 90, array as the struct",
        "NackResponse, 2a, int as the struct",
        "NackResponse, a0, string as the struct",
        "NackResponse, c1, never-used byte"})
    void rejectsWrongMsgpackTypesAsMalformed(String kind, String hex, String what) throws ClassNotFoundException {
        Class<? extends Message> type = Class.forName("dev.memberlist.wire." + kind).asSubclass(Message.class);
        assertReason(() -> decode(type, hex), Reason.MALFORMED);
    }

    @Test
    void skipsValuesNestedUpToTheDepthLimit() {
        String nested = "91".repeat(GoMsgpackReader.MAX_SKIP_DEPTH - 1) + "c0";
        assertThat(decode(NackResponse.class, "82a178" + nested + SEQ_NO + "07")).isEqualTo(new NackResponse(7));
    }

    @Test
    void rejectsValuesNestedBeyondTheDepthLimit() {
        String nested = "91".repeat(GoMsgpackReader.MAX_SKIP_DEPTH) + "c0";
        assertReason(() -> decode(NackResponse.class, "81a178" + nested), Reason.MALFORMED);
        String deep = "81".repeat(100_000);
        assertReason(() -> decode(NackResponse.class, "81a178" + deep), Reason.MALFORMED);
    }

    static java.util.stream.Stream<Arguments> goldenMessages() {
        return MessageCodecTest.goldenMessages();
    }

    static java.util.stream.Stream<Arguments> goldenStreamBodies() {
        return MessageCodecTest.goldenStreamBodies();
    }

    @ParameterizedTest
    @MethodSource("goldenMessages")
    void reportsEveryStrictPrefixOfAMessageAsTruncated(String goHex, Message message) {
        byte[] full = bytes(goHex);
        for (int length = 0; length < full.length; length++) {
            int cut = length;
            assertReason(() -> MessageCodec.decode(full, 0, cut), Reason.TRUNCATED);
        }
    }

    @ParameterizedTest
    @MethodSource("goldenStreamBodies")
    void reportsEveryStrictPrefixOfAStreamBodyAsTruncated(String goHex, Message message) {
        byte[] full = bytes(goHex);
        for (int length = 0; length < full.length; length++) {
            int cut = length;
            assertReason(() -> MessageCodec.decodeBody(message.getClass(), full, 0, cut), Reason.TRUNCATED);
        }
    }
}
