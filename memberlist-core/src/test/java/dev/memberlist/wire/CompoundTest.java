package dev.memberlist.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompoundTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PING = HEX.parseHex("0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472"
            + "a47f000001aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a");
    private static final byte[] SUSPECT = HEX.parseHex(
            "0383a446726f6da66e6f64652d61ab496e6361726e6174696f6e05a44e6f6465a66e6f64652d62");

    @Test
    void encodesCountLengthsThenParts() {
        // PROTOCOL.md §4.4
        byte[] compound = Compound.encode(List.of(PING, SUSPECT));

        assertThat(compound).hasSize(114);
        assertThat(HEX.formatHex(compound))
                .isEqualTo("070200450027" + HEX.formatHex(PING) + HEX.formatHex(SUSPECT));
    }

    @Test
    void encodesZeroParts() {
        assertThat(HEX.formatHex(Compound.encode(List.of()))).isEqualTo("0700");
    }

    @Test
    void rejectsMoreThan255Parts() {
        List<byte[]> parts = Collections.nCopies(256, new byte[] {4});

        assertThatThrownBy(() -> Compound.encode(parts)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPartLongerThan65535Bytes() {
        assertThatThrownBy(() -> Compound.encode(List.of(new byte[65_536])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Compound.encode(List.of(new byte[65_535]))).hasSize(65_535 + 4);
    }

    // Go HEAD makeCompoundMessages: runs of 255, then the rest, even a single part, as a compound.
    @ParameterizedTest
    @CsvSource({
        "0,   ''",
        "1,   1",
        "255, 255",
        "256, 255 1",
        "510, 255 255",
        "600, 255 255 90",
    })
    void splitsIntoCompoundsOfAtMost255Parts(int count, String expectedCounts) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new byte[] {4, (byte) i});
        }

        List<byte[]> compounds = Compound.encodeSplit(parts);

        List<String> counts = compounds.stream()
                .map(c -> String.valueOf(Compound.decode(c, 1, c.length - 1).parts().size()))
                .toList();
        assertThat(String.join(" ", counts)).isEqualTo(expectedCounts);
        List<byte[]> decoded = compounds.stream()
                .flatMap(c -> Compound.decode(c, 1, c.length - 1).parts().stream())
                .toList();
        assertThat(decoded).containsExactlyElementsOf(parts);
    }

    @Test
    void packsSingleMessageBare() {
        assertThat(Compound.pack(List.of(PING), 1400)).containsExactly(PING);
    }

    @Test
    void packsMessagesIntoOneCompoundWhenTheyFit() {
        List<byte[]> packets = Compound.pack(List.of(PING, SUSPECT), 114);

        assertThat(packets).hasSize(1);
        assertThat(packets.get(0)).isEqualTo(Compound.encode(List.of(PING, SUSPECT)));
    }

    @Test
    void countsCompoundHeaderAgainstTheBudget() {
        // 69 + 39 + 6 header bytes = 114: one byte short means two bare packets.
        assertThat(Compound.pack(List.of(PING, SUSPECT), 113)).containsExactly(PING, SUSPECT);
    }

    @Test
    void packsGreedilyInOrder() {
        byte[] a = filled(40, 1);
        byte[] b = filled(40, 2);
        byte[] c = filled(40, 3);
        byte[] d = filled(10, 4);

        // [a, b] = 2 + 4 + 80 = 86; adding c would need 2 + 6 + 120 = 128 > 100; [c, d] = 2 + 4 + 50 = 56.
        List<byte[]> packets = Compound.pack(List.of(a, b, c, d), 100);

        assertThat(packets).containsExactly(Compound.encode(List.of(a, b)), Compound.encode(List.of(c, d)));
    }

    @Test
    void sendsMessageLargerThanBudgetAloneAndBare() {
        byte[] small = filled(10, 1);
        byte[] large = filled(200, 2);

        List<byte[]> packets = Compound.pack(List.of(small, large, small, small), 100);

        assertThat(packets).containsExactly(small, large, Compound.encode(List.of(small, small)));
    }

    @Test
    void startsNewPacketAfter255Parts() {
        List<byte[]> messages = Collections.nCopies(300, new byte[] {4});

        List<byte[]> packets = Compound.pack(messages, 65_000);

        assertThat(packets).hasSize(2);
        assertThat(Compound.decode(packets.get(0), 1, packets.get(0).length - 1).parts()).hasSize(255);
        assertThat(Compound.decode(packets.get(1), 1, packets.get(1).length - 1).parts()).hasSize(45);
    }

    @Test
    void neverPutsPartLongerThan65535BytesInACompound() {
        byte[] huge = new byte[70_000];
        byte[] small = filled(10, 1);

        assertThat(Compound.pack(List.of(small, huge, small), 1 << 20)).containsExactly(small, huge, small);
    }

    @Test
    void packsNothingIntoNoPackets() {
        assertThat(Compound.pack(List.of(), 1400)).isEmpty();
    }

    @Test
    void decodesPartsAfterTheTypeByte() {
        byte[] compound = Compound.encode(List.of(PING, SUSPECT));

        Compound.Parts parts = Compound.decode(compound, 1, compound.length - 1);

        assertThat(parts.parts()).containsExactly(PING, SUSPECT);
        assertThat(parts.truncated()).isZero();
    }

    @Test
    void decodesZeroParts() {
        Compound.Parts parts = Compound.decode(new byte[] {0}, 0, 1);

        assertThat(parts.parts()).isEmpty();
        assertThat(parts.truncated()).isZero();
    }

    @Test
    void dropsPartRunningPastTheEndAndAllLaterOnes() {
        byte[] third = filled(5, 9);
        byte[] compound = Compound.encode(List.of(PING, SUSPECT, third));

        Compound.Parts parts = Compound.decode(compound, 1, compound.length - 1 - 39 - 5 + 10);

        assertThat(parts.parts()).containsExactly(PING);
        assertThat(parts.truncated()).isEqualTo(2);
    }

    @Test
    void ignoresBytesAfterTheLastPart() {
        byte[] compound = HEX.parseHex("0101000105" + "ffff");

        assertThat(Compound.decode(compound, 1, compound.length - 1).parts()).containsExactly(new byte[] {5});
    }

    @Test
    void rejectsMissingCount() {
        assertTruncated(new byte[0]);
    }

    @Test
    void rejectsLengthTableCutShort() {
        assertTruncated(HEX.parseHex("020045"));
        assertTruncated(HEX.parseHex("02004500"));
    }

    private static void assertTruncated(byte[] afterType) {
        assertThatThrownBy(() -> Compound.decode(afterType, 0, afterType.length))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.TRUNCATED));
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
