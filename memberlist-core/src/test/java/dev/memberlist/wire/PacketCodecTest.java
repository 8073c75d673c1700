package dev.memberlist.wire;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketCodecTest {

    private static final byte[] KEY = bytes("000102030405060708090a0b0c0d0e0f");
    private static final byte[] OTHER_KEY = bytes("0f0e0d0c0b0a09080706050403020100");
    private static final Message PING = MessageCodec.decode(bytes(WireFixtures.PING_FULL));
    private static final Message SUSPECT = MessageCodec.decode(bytes(WireFixtures.SUSPECT));

    @Test
    void compressesOnlyWhenTheWholeCompressMessageIsSmaller() {
        PacketCodec codec = new PacketCodec(CodecSettings.plain());
        byte[] repetitive = Compound.encode(List.of(MessageCodec.encode(PING), MessageCodec.encode(PING),
                MessageCodec.encode(PING)));

        // The ping's LZW is 65 bytes, but wrapped in a compress message it is 80 > 69, so Go sends it plain.
        assertThat(codec.encode(bytes(WireFixtures.PING_FULL), false)).isEqualTo(bytes(WireFixtures.PING_FULL));
        assertThat(codec.encode(repetitive, false))
                .isEqualTo(MessageCodec.encode(new Compress(Compress.LZW, Bytes.copyOf(Lzw.compress(repetitive)))))
                .hasSizeLessThan(repetitive.length);
    }

    @Test
    void decodesGoCompressedMessages() {
        DecodedPacket decoded = new PacketCodec(CodecSettings.plain()).decode(bytes(WireFixtures.COMPRESSED_PING));

        assertThat(decoded.messages()).containsExactly(PING);
    }

    @Test
    void wrapsInACrcWhenAsked() {
        PacketCodec codec = new PacketCodec(settings("", Optional.empty(), false));

        assertThat(HexFormat.of().formatHex(codec.encode(bytes(WireFixtures.PING_FULL), true)))
                .isEqualTo("0c87642fb7" + WireFixtures.PING_FULL);
    }

    @Test
    void prependsTheLabelOutsideEverythingElse() {
        PacketCodec codec = new PacketCodec(settings("dc1", Optional.empty(), false));

        assertThat(HexFormat.of().formatHex(codec.encode(bytes(WireFixtures.PING_FULL), false)))
                .isEqualTo("f403646331" + WireFixtures.PING_FULL);
    }

    @Test
    void roundTripsEveryLayerCombination() {
        for (String label : List.of("", "dc1")) {
            for (Optional<Keyring> keyring : List.of(Optional.<Keyring>empty(), Optional.of(Keyring.of(KEY)))) {
                for (boolean compression : new boolean[] {false, true}) {
                    for (boolean crc : new boolean[] {false, true}) {
                        PacketCodec codec = new PacketCodec(settings(label, keyring, compression));
                        byte[] compound = Compound.encode(List.of(MessageCodec.encode(PING), MessageCodec.encode(SUSPECT)));
                        DecodedPacket decoded = codec.decode(codec.encode(compound, crc));
                        assertThat(decoded.messages()).as("label %s keys %s lzw %s crc %s", label, keyring, compression, crc)
                                .containsExactly(PING, SUSPECT);
                        assertThat(decoded.partErrors()).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void decryptsWithASecondaryKey() {
        PacketCodec sender = new PacketCodec(settings("", Optional.of(Keyring.of(KEY)), true));
        PacketCodec receiver = new PacketCodec(settings("", Optional.of(Keyring.of(OTHER_KEY, KEY)), true));

        assertThat(receiver.decode(sender.encode(MessageCodec.encode(PING), false)).messages()).containsExactly(PING);
    }

    @Test
    void wrongKeyOrPlaintextIsRejectedWhenEncryptionIsRequired() {
        PacketCodec sender = new PacketCodec(settings("", Optional.of(Keyring.of(OTHER_KEY)), true));
        PacketCodec plain = new PacketCodec(CodecSettings.plain());
        PacketCodec receiver = new PacketCodec(settings("", Optional.of(Keyring.of(KEY)), true));

        assertReason(() -> receiver.decode(sender.encode(MessageCodec.encode(PING), false)),
                WireFormatException.Reason.DECRYPT_FAILED);
        assertReason(() -> receiver.decode(plain.encode(MessageCodec.encode(PING), false)),
                WireFormatException.Reason.DECRYPT_FAILED);
    }

    @Test
    void plaintextIsAcceptedWhenIncomingVerificationIsOff() {
        PacketCodec plain = new PacketCodec(CodecSettings.plain());
        PacketCodec lenient = new PacketCodec(new CodecSettings("", false, Optional.of(Keyring.of(KEY)), false, true, true,
                EncryptionVersion.V1));

        assertThat(lenient.decode(plain.encode(MessageCodec.encode(PING), false)).messages()).containsExactly(PING);
    }

    @Test
    void enforcesGoLabelPolicy() {
        PacketCodec labelled = new PacketCodec(settings("dc1", Optional.empty(), true));
        PacketCodec unlabelled = new PacketCodec(CodecSettings.plain());
        PacketCodec skipping = new PacketCodec(new CodecSettings("dc1", true, Optional.empty(), true, true, true,
                EncryptionVersion.V1));
        byte[] ping = MessageCodec.encode(PING);

        assertReason(() -> labelled.decode(unlabelled.encode(ping, false)), WireFormatException.Reason.LABEL_MISMATCH);
        assertReason(() -> unlabelled.decode(labelled.encode(ping, false)), WireFormatException.Reason.LABEL_MISMATCH);
        assertThat(skipping.decode(unlabelled.encode(ping, false)).messages()).containsExactly(PING);
        assertReason(() -> skipping.decode(labelled.encode(ping, false)), WireFormatException.Reason.LABEL_MISMATCH);
    }

    @Test
    void deliversTheGoodPartsOfACompoundWithBadOrTruncatedParts() {
        byte[] good = MessageCodec.encode(SUSPECT);
        byte[] compound = Compound.encode(List.of(good, bytes("63aa"), bytes(WireFixtures.COMPRESSED_PING), good));
        byte[] truncated = Arrays.copyOf(compound, compound.length - 3);

        DecodedPacket decoded = new PacketCodec(CodecSettings.plain()).decode(truncated);

        assertThat(decoded.messages()).containsExactly(SUSPECT, PING);
        assertThat(decoded.partErrors()).extracting(WireFormatException::reason)
                .containsExactly(WireFormatException.Reason.UNKNOWN_TYPE, WireFormatException.Reason.TRUNCATED);
    }

    @Test
    void badCrcDropsThePacket() {
        byte[] packet = Crc.wrap(MessageCodec.encode(PING));
        packet[packet.length - 1] ^= 1;

        assertReason(() -> new PacketCodec(CodecSettings.plain()).decode(packet), WireFormatException.Reason.BAD_CRC);
    }

    @Test
    void deeplyNestedCompoundsAreRejected() {
        byte[] nested = MessageCodec.encode(PING);
        for (int i = 0; i < 12; i++) {
            nested = Compound.encode(List.of(nested));
        }
        DecodedPacket decoded = new PacketCodec(CodecSettings.plain()).decode(nested);

        assertThat(decoded.messages()).isEmpty();
        assertThat(decoded.partErrors()).extracting(WireFormatException::reason)
                .containsExactly(WireFormatException.Reason.MALFORMED);
    }

    @Test
    void overheadCountsLabelAndEncryption() {
        assertThat(new PacketCodec(CodecSettings.plain()).overheadBytes()).isZero();
        assertThat(new PacketCodec(settings("dc1", Optional.of(Keyring.of(KEY)), true)).overheadBytes()).isEqualTo(5 + 29);
    }

    static CodecSettings settings(String label, Optional<Keyring> keyring, boolean compression) {
        return new CodecSettings(label, false, keyring, true, true, compression, EncryptionVersion.V1);
    }

    static void assertReason(Runnable action, WireFormatException.Reason reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(WireFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
