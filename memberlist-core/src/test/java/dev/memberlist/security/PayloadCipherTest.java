package dev.memberlist.security;

import dev.memberlist.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadCipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] NONCE = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
    private static final byte[] PING = HEX.parseHex("0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f75726365416464"
            + "72a47f000001aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a");
    private static final byte[] PUSH_PULL = HEX.parseHex("0683a44a6f696ec3a54e6f64657301ac5573657253746174654c656e00"
            + "87a441646472a47f000001ab496e6361726e6174696f6e01a44d657461c0a44e616d65a66e6f64652d61a4506f7274cd1f0aa553"
            + "7461746500a356736ea6010502000000");
    private static final byte[] LABEL = "dc1".getBytes(StandardCharsets.US_ASCII);

    // PROTOCOL.md §4.8, version 1, no label
    @Test
    void version1MatchesGoByteForByte() {
        byte[] encrypted = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), NONCE, PING, new byte[0]);

        assertThat(HEX.formatHex(encrypted)).isEqualTo("01a0a1a2a3a4a5a6a7a8a9aaabaa039cf511ed56ace417d1656b701533369f"
                + "6d67a9bd6ec0506212fe03e9ebda3edc45310e40bf020aac81a1e1b46db51a3a232d56acf747d159fbb88600541283457ecd"
                + "616111daba8b598827e7e2592541248aea");
    }

    // PROTOCOL.md §4.8, version 1, label "dc1" as additional data
    @Test
    void labelIsAuthenticatedAsAdditionalData() {
        byte[] encrypted = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), NONCE, PING, LABEL);

        assertThat(HEX.formatHex(Arrays.copyOfRange(encrypted, encrypted.length - 16, encrypted.length)))
                .isEqualTo("3f209e2b82b32d019b1c1729d67d3dae");
        assertThat(PayloadCipher.decrypt(Keyring.of(KEY), encrypted, 0, encrypted.length, LABEL)).isEqualTo(PING);
        assertThatThrownBy(() -> PayloadCipher.decrypt(Keyring.of(KEY), encrypted, 0, encrypted.length, new byte[0]))
                .isInstanceOf(WireFormatException.class);
    }

    // PROTOCOL.md §4.8, version 0 (PKCS7)
    @Test
    void version0PadsAsGoDoes() {
        byte[] encrypted = PayloadCipher.encrypt(EncryptionVersion.V0, Keyring.of(KEY), NONCE, PING, new byte[0]);

        assertThat(HEX.formatHex(encrypted)).isEqualTo("00a0a1a2a3a4a5a6a7a8a9aaabaa039cf511ed56ace417d1656b701533369f"
                + "6d67a9bd6ec0506212fe03e9ebda3edc45310e40bf020aac81a1e1b46db51a3a232d56acf747d159fbb88600541283457ecd"
                + "617d9ac9db1884b952224e8b30213afc81587e87b2d4a92c4ba67d84");
        assertThat(PayloadCipher.decrypt(Keyring.of(KEY), encrypted, 0, encrypted.length, new byte[0])).isEqualTo(PING);
    }

    // PROTOCOL.md §4.10: a TCP frame authenticates its own header (and the label, when there is one)
    @Test
    void tcpFrameMatchesGoWithAndWithoutLabel() {
        assertThat(PUSH_PULL).hasSize(97);
        byte[] header = HEX.parseHex("0a0000007e");
        byte[] plain = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), NONCE, PUSH_PULL, header);
        assertThat(HEX.formatHex(header) + HEX.formatHex(plain)).isEqualTo("0a0000007e01a0a1a2a3a4a5a6a7a8a9aaabac059"
                + "cf111e05dc92f36da642361b1cc069d467ad0635cdb405c14f5420a2be9fec7379570eaec6cd4978ca7cea967b1c83d2327322"
                + "5db88f6574e6eab046918575fdcb60e5bf066807cfdc694364f251fcd3b5a1ae128f762758f39af7a0c400605245e093514317c"
                + "67db7b0225684062");

        byte[] labelled = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), NONCE, PUSH_PULL,
                HEX.parseHex("0a0000007e646331"));
        assertThat(HEX.formatHex(Arrays.copyOfRange(labelled, labelled.length - 16, labelled.length)))
                .isEqualTo("0d49e82ecc263cae4de67ed8f30afdd0");
    }

    @Test
    void triesEverySecondaryKey() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        byte[] encrypted = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), PING, new byte[0]);

        assertThat(PayloadCipher.decrypt(Keyring.of(other, KEY), encrypted, 0, encrypted.length, new byte[0])).isEqualTo(PING);
    }

    @Test
    void wrongKeyFailsWithGoMessage() {
        byte[] other = new byte[24];
        byte[] encrypted = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), PING, new byte[0]);

        assertThatThrownBy(() -> PayloadCipher.decrypt(Keyring.of(other), encrypted, 0, encrypted.length, new byte[0]))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WireFormatException.Reason.DECRYPT_FAILED);
                    assertThat(e.getMessage()).isEqualTo("No installed keys could decrypt the message");
                });
    }

    @Test
    void rejectsShortPayloadsAndUnknownVersions() {
        Keyring keyring = Keyring.of(KEY);
        for (String hex : new String[] {"", "01", "02" + "00".repeat(40), "00" + "00".repeat(40), "01" + "00".repeat(27)}) {
            byte[] input = HEX.parseHex(hex);
            assertThatThrownBy(() -> PayloadCipher.decrypt(keyring, input, 0, input.length, new byte[0]))
                    .as(hex).isInstanceOfSatisfying(WireFormatException.class,
                            e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.DECRYPT_FAILED));
        }
    }

    @Test
    void encryptedLengthsMatchGo() {
        assertThat(PayloadCipher.encryptedLength(EncryptionVersion.V1, 0)).isEqualTo(29);
        assertThat(PayloadCipher.encryptedLength(EncryptionVersion.V0, 0)).isEqualTo(45);
        assertThat(PayloadCipher.encryptedLength(EncryptionVersion.V0, 69)).isEqualTo(109);
        assertThat(PayloadCipher.encryptedLength(EncryptionVersion.V1, 97)).isEqualTo(126);
    }
}
