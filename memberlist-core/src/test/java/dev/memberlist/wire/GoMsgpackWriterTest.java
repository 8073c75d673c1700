package dev.memberlist.wire;

import static dev.memberlist.wire.WireFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Consumer;

/**
 * The msgpack forms Go's codec picks (PROTOCOL.md §1), at every boundary where the form changes.
 * Whole messages are checked against Go's bytes in {@link MessageCodecTest}.
 */
class GoMsgpackWriterTest {

    private static String written(Consumer<GoMsgpackWriter> write) {
        GoMsgpackWriter writer = new GoMsgpackWriter(1);
        write.accept(writer);
        return hex(writer.toByteArray());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00", "127, 7f", "128, cc80", "255, ccff", "256, cd0100", "65535, cdffff", "65536, ce00010000",
        "4294967295, ceffffffff", "4294967296, cf0000000100000000"})
    void writesIntegersInTheirSmallestUnsignedForm(long value, String expected) {
        assertThat(written(w -> w.writeUnsigned(value))).isEqualTo(expected);
    }

    @Test
    void rejectsNegativeIntegers() {
        assertThatThrownBy(() -> written(w -> w.writeUnsigned(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, a0", "31, bf", "32, da0020", "255, da00ff", "65535, daffff", "65536, db00010000"})
    void writesRawStringHeadersWithoutStr8(int length, String expectedHeader) {
        String value = "x".repeat(length);
        assertThat(written(w -> w.writeString(value))).isEqualTo(expectedHeader + "78".repeat(length));
        assertThat(written(w -> w.writeBytes(Bytes.copyOf(new byte[length]))))
                .isEqualTo(expectedHeader + "00".repeat(length));
    }

    @Test
    void writesStringsAsUtf8() {
        assertThat(written(w -> w.writeString("né"))).isEqualTo("a36ec3a9");
    }

    @Test
    void sizesTheHeaderByUtf8BytesWhenNonAsciiCharactersLengthenTheString() {
        String thirtyOneChars = "x".repeat(30) + "é";
        assertThat(written(w -> w.writeString(thirtyOneChars))).isEqualTo("da0020" + "78".repeat(30) + "c3a9");
    }

    @Test
    void writesNilSliceAsNilAndEmptySliceAsEmptyString() {
        assertThat(written(w -> w.writeBytes(Bytes.NIL))).isEqualTo("c0");
        assertThat(written(w -> w.writeBytes(Bytes.EMPTY))).isEqualTo("a0");
    }

    @Test
    void writesBooleansAndFixmapHeaders() {
        assertThat(written(w -> {
            w.writeBoolean(false);
            w.writeBoolean(true);
            w.writeMapHeader(0);
            w.writeMapHeader(15);
        })).isEqualTo("c2c3808f");
    }

    @Test
    void rejectsMapsTooLargeForAFixmap() {
        assertThatThrownBy(() -> written(w -> w.writeMapHeader(16))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsPastItsInitialCapacityAndReturnsExactlyWhatWasWritten() {
        GoMsgpackWriter writer = new GoMsgpackWriter(4);
        writer.writeByte(0x06);
        writer.writeRaw(new byte[] {1, 2, 3, 4, 5});
        writer.writeUnsigned(0xffff_ffffL);

        assertThat(hex(writer.toByteArray())).isEqualTo("060102030405ceffffffff");
    }
}
