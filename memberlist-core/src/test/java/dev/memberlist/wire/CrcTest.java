package dev.memberlist.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrcTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PING = HEX.parseHex("0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472"
            + "a47f000001aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a");

    @Test
    void wrapsBodyWithTypeByteAndBigEndianCrc32() {
        // PROTOCOL.md §4.5
        assertThat(HEX.formatHex(Crc.wrap(PING))).isEqualTo("0c87642fb7" + HEX.formatHex(PING));
    }

    @Test
    void wrapsEmptyBody() {
        assertThat(HEX.formatHex(Crc.wrap(new byte[0]))).isEqualTo("0c00000000");
    }

    @Test
    void verifiesAndReturnsBodyOffset() {
        byte[] packet = Crc.wrap(PING);

        assertThat(Crc.verifiedBodyOffset(packet, 0, packet.length)).isEqualTo(5);
    }

    @Test
    void verifiesPacketInsideLargerArray() {
        byte[] packet = HEX.parseHex("f403646331" + HEX.formatHex(Crc.wrap(PING)) + "ffff");

        assertThat(Crc.verifiedBodyOffset(packet, 5, packet.length - 7)).isEqualTo(10);
    }

    @Test
    void acceptsHeaderWithEmptyBody() {
        assertThat(Crc.verifiedBodyOffset(HEX.parseHex("0c00000000"), 0, 5)).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5, 40, 73})
    void rejectsAnyFlippedBit(int index) {
        byte[] packet = Crc.wrap(PING);
        packet[index] ^= 0x10;

        assertRejected(packet, WireFormatException.Reason.BAD_CRC);
    }

    @Test
    void rejectsPacketShorterThanHeader() {
        assertRejected(HEX.parseHex("0c87642f"), WireFormatException.Reason.TRUNCATED);
        assertRejected(new byte[0], WireFormatException.Reason.TRUNCATED);
    }

    @Test
    void rejectsPacketWithOtherTypeByte() {
        assertRejected(PING, WireFormatException.Reason.UNKNOWN_TYPE);
    }

    private static void assertRejected(byte[] packet, WireFormatException.Reason reason) {
        assertThatThrownBy(() -> Crc.verifiedBodyOffset(packet, 0, packet.length))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
