package dev.memberlist.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelHeaderTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PING = "0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472a47f000001"
            + "aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a";

    @Test
    void prependsTypeLengthAndLabel() {
        // PROTOCOL.md §4.7
        byte[] packet = LabelHeader.prepend("dc1", HEX.parseHex(PING));

        assertThat(HEX.formatHex(packet)).isEqualTo("f403646331" + PING);
    }

    @Test
    void emptyLabelHasNoHeader() {
        byte[] packet = HEX.parseHex(PING);

        assertThat(LabelHeader.header("")).isEmpty();
        assertThat(LabelHeader.prepend("", packet)).isSameAs(packet);
    }

    @Test
    void encodesLabelAsUtf8() {
        assertThat(HEX.formatHex(LabelHeader.header("é"))).isEqualTo("f402c3a9");
    }

    @Test
    void acceptsLabelOf255Bytes() {
        assertThat(LabelHeader.header("x".repeat(255))).hasSize(257);
    }

    @Test
    void rejectsLabelLongerThan255Utf8Bytes() {
        assertThatThrownBy(() -> LabelHeader.header("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelHeader.header("é".repeat(128))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsLabelThatIsNotValidUnicode() {
        assertThatThrownBy(() -> LabelHeader.header("a\ud800")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stripsLabelAndPointsAtBody() {
        byte[] packet = HEX.parseHex("f403646331" + PING);

        assertThat(LabelHeader.strip(packet, 0, packet.length)).isEqualTo(new LabelHeader.Stripped("dc1", 5));
    }

    @Test
    void stripsLabelInsideLargerArray() {
        byte[] packet = HEX.parseHex("ff" + "f4016100");

        assertThat(LabelHeader.strip(packet, 1, 4)).isEqualTo(new LabelHeader.Stripped("a", 4));
    }

    @Test
    void stripsLabelFromPacketWithEmptyBody() {
        byte[] packet = HEX.parseHex("f403646331");

        assertThat(LabelHeader.strip(packet, 0, 5)).isEqualTo(new LabelHeader.Stripped("dc1", 5));
    }

    @Test
    void leavesUnlabelledPacketAsItIs() {
        byte[] packet = HEX.parseHex("ff" + PING);

        assertThat(LabelHeader.strip(packet, 1, packet.length - 1)).isEqualTo(new LabelHeader.Stripped("", 1));
        assertThat(LabelHeader.strip(packet, 1, 0)).isEqualTo(new LabelHeader.Stripped("", 1));
    }

    @ParameterizedTest
    @CsvSource({
        "f4",
        "f400",
        "f40061",
        "f403",
        "f4036463",
        "f402c328",
    })
    void rejectsMalformedHeader(String packetHex) {
        byte[] packet = HEX.parseHex(packetHex);

        assertThatThrownBy(() -> LabelHeader.strip(packet, 0, packet.length))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.BAD_LABEL));
    }

    @ParameterizedTest
    @CsvSource({
        "'',           -1",
        "00,           0",
        "0a00000010,   0",
        "f4,           -1",
        "f403,         5",
        "f40364,       5",
        "f403646331,   5",
        "f4ff,         257",
    })
    void tellsStreamHeaderLengthOnceKnown(String receivedHex, int expected) {
        byte[] received = HEX.parseHex(receivedHex);

        assertThat(LabelHeader.headerLength(received, 0, received.length)).isEqualTo(expected);
    }

    @Test
    void rejectsStreamHeaderWithZeroLength() {
        assertThatThrownBy(() -> LabelHeader.headerLength(HEX.parseHex("f400"), 0, 2))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.BAD_LABEL));
    }
}
