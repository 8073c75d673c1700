package dev.memberlist.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.memberlist.wire.WireFormatException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadCipherTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] NONCE = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
    private static final byte[] NO_LABEL = new byte[0];
    private static final byte[] LABEL = "dc1".getBytes(StandardCharsets.US_ASCII);

    /** PROTOCOL.md §4.2: the full ping a prober sends. */
    private static final byte[] PING = HEX.parseHex("0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472"
            + "a47f000001aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a");

    /** PROTOCOL.md §4.9: a push/pull join request carrying one node. */
    private static final byte[] PUSH_PULL = HEX.parseHex("0683a44a6f696ec3a54e6f64657301ac5573657253746174654c656e00"
            + "87a441646472a47f000001ab496e6361726e6174696f6e01a44d657461c0a44e616d65a66e6f64652d61a4506f7274cd1f0a"
            + "a5537461746500a356736ea6010502000000");

    /** PROTOCOL.md §4.8: the ping sealed as version 1 with no label. */
    private static final String PING_V1 = "01a0a1a2a3a4a5a6a7a8a9aaabaa039cf511ed56ace417d1656b701533369f6d67a9bd6e"
            + "c0506212fe03e9ebda3edc45310e40bf020aac81a1e1b46db51a3a232d56acf747d159fbb88600541283457ecd616111daba"
            + "8b598827e7e2592541248aea";
    private static final String PING_V1_LABEL_TAG = "3f209e2b82b32d019b1c1729d67d3dae";

    /** PROTOCOL.md §4.8: the ping sealed as version 0 (11 pad bytes) with no label. */
    private static final String PING_V0 = "00a0a1a2a3a4a5a6a7a8a9aaabaa039cf511ed56ace417d1656b701533369f6d67a9bd6e"
            + "c0506212fe03e9ebda3edc45310e40bf020aac81a1e1b46db51a3a232d56acf747d159fbb88600541283457ecd617d9ac9db"
            + "1884b952224e8b30213afc81587e87b2d4a92c4ba67d84";

    /** PROTOCOL.md §4.10: the push/pull request as an encrypted stream frame with no label. */
    private static final String PUSH_PULL_FRAME = "0a0000007e01a0a1a2a3a4a5a6a7a8a9aaabac059cf111e05dc92f36da642361"
            + "b1cc069d467ad0635cdb405c14f5420a2be9fec7379570eaec6cd4978ca7cea967b1c83d23273225db88f6574e6eab0469"
            + "18575fdcb60e5bf066807cfdc694364f251fcd3b5a1ae128f762758f39af7a0c400605245e093514317c67db7b02256840"
            + "62";
    private static final String PUSH_PULL_FRAME_LABEL_TAG = "0d49e82ecc263cae4de67ed8f30afdd0";

    private static final int TAG_HEX_DIGITS = 32;


    @Test
    void sealsPingAsVersion1WithoutLabelExactlyAsGo() {
        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), PING, NO_LABEL, NONCE);

        assertThat(HEX.formatHex(sealed)).isEqualTo(PING_V1);
        assertThat(sealed).hasSize(98);
    }

    @Test
    void sealsPingAsVersion1WithLabelAsAdditionalData() {
        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), PING, LABEL, NONCE);

        assertThat(HEX.formatHex(sealed)).isEqualTo(withoutTag(PING_V1) + PING_V1_LABEL_TAG);
    }

    @Test
    void sealsPingAsVersion0WithPkcs7PaddingExactlyAsGo() {
        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V0, Keyring.of(KEY), PING, NO_LABEL, NONCE);

        assertThat(HEX.formatHex(sealed)).isEqualTo(PING_V0);
        assertThat(sealed).hasSize(109);
    }

    @Test
    void pushPullRequestFixtureIs97Bytes() {
        assertThat(PUSH_PULL).hasSize(97);
    }

    @Test
    void sealsPushPullStreamFrameWithFrameHeaderAsAdditionalData() {
        byte[] header = frameHeader(PayloadCipher.encryptedLength(EncryptionVersion.V1, PUSH_PULL.length));

        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), PUSH_PULL, header, NONCE);

        assertThat(HEX.formatHex(header) + HEX.formatHex(sealed)).isEqualTo(PUSH_PULL_FRAME).hasSize(131 * 2);
    }

    @Test
    void sealsLabelledPushPullStreamFrameWithHeaderAndLabelAsAdditionalData() {
        byte[] header = frameHeader(PayloadCipher.encryptedLength(EncryptionVersion.V1, PUSH_PULL.length));
        byte[] additionalData = concat(header, LABEL);

        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), PUSH_PULL, additionalData, NONCE);

        String wire = "f403646331" + HEX.formatHex(header) + HEX.formatHex(sealed);
        assertThat(wire).isEqualTo("f403646331" + withoutTag(PUSH_PULL_FRAME) + PUSH_PULL_FRAME_LABEL_TAG)
                .hasSize(136 * 2);
    }

    static Stream<Arguments> goVectors() {
        byte[] frame = HEX.parseHex(PUSH_PULL_FRAME);
        byte[] header = Arrays.copyOf(frame, 5);
        return Stream.of(
                Arguments.of("v1 ping", HEX.parseHex(PING_V1), NO_LABEL, PING),
                Arguments.of("v1 ping, label", HEX.parseHex(withoutTag(PING_V1) + PING_V1_LABEL_TAG), LABEL, PING),
                Arguments.of("v0 ping", HEX.parseHex(PING_V0), NO_LABEL, PING),
                Arguments.of("push/pull frame", Arrays.copyOfRange(frame, 5, frame.length), header, PUSH_PULL),
                Arguments.of("push/pull frame, label",
                        HEX.parseHex(withoutTag(PUSH_PULL_FRAME).substring(10) + PUSH_PULL_FRAME_LABEL_TAG),
                        concat(header, LABEL), PUSH_PULL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goVectors")
    void opensGoVectors(String name, byte[] payload, byte[] additionalData, byte[] plaintext) {
        assertThat(PayloadCipher.decrypt(Keyring.of(KEY), payload, 0, payload.length, additionalData)).isEqualTo(plaintext);
    }

    @Test
    void opensPayloadInTheMiddleOfALargerBuffer() {
        byte[] buf = HEX.parseHex("f403646331" + withoutTag(PING_V1) + PING_V1_LABEL_TAG + "ffff");

        assertThat(PayloadCipher.decrypt(Keyring.of(KEY), buf, 5, buf.length - 7, LABEL)).isEqualTo(PING);
    }

    @ParameterizedTest
    @EnumSource(EncryptionVersion.class)
    void roundTripsEveryPlaintextLengthUpTo255(EncryptionVersion version) {
        // Go: TestPKCS7
        Keyring keyring = Keyring.of(KEY);
        for (int length = 0; length <= 255; length++) {
            byte[] plaintext = new byte[length];
            Arrays.fill(plaintext, (byte) length);

            byte[] sealed = PayloadCipher.encrypt(version, keyring, plaintext, LABEL);

            assertThat(sealed).hasSize(PayloadCipher.encryptedLength(version, length));
            assertThat(PayloadCipher.decrypt(keyring, sealed, 0, sealed.length, LABEL)).isEqualTo(plaintext);
        }
    }

    @ParameterizedTest
    @CsvSource({"16, V0", "16, V1", "24, V0", "24, V1", "32, V0", "32, V1"})
    void roundTripsWithEveryAesKeySize(int keyLength, EncryptionVersion version) {
        // Go: TestEncryptDecrypt_V0, TestEncryptDecrypt_V1
        byte[] key = new byte[keyLength];
        Arrays.fill(key, (byte) 7);
        Keyring keyring = Keyring.of(key);
        byte[] plaintext = "this is a plain text message".getBytes(StandardCharsets.US_ASCII);
        byte[] extra = "random data".getBytes(StandardCharsets.US_ASCII);

        byte[] sealed = PayloadCipher.encrypt(version, keyring, plaintext, extra);

        assertThat(sealed[0]).isEqualTo((byte) version.code());
        assertThat(PayloadCipher.decrypt(keyring, sealed, 0, sealed.length, extra)).isEqualTo(plaintext);
    }

    @Test
    void drawsAFreshNonceForEveryPayload() {
        Keyring keyring = Keyring.of(KEY);

        byte[] first = PayloadCipher.encrypt(EncryptionVersion.V1, keyring, PING, NO_LABEL);
        byte[] second = PayloadCipher.encrypt(EncryptionVersion.V1, keyring, PING, NO_LABEL);

        assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
    }

    @Test
    void opensWithAnyInstalledKeyAndStopsOnceTheKeyIsRemoved() {
        // Go: TestKeyRing_MultiKeyEncryptDecrypt
        byte[] other = HEX.parseHex("0f0e0d0c0b0a09080706050403020100");
        byte[] third = HEX.parseHex("08090a0b0c0d0e0f0001020304050607");
        Keyring keyring = Keyring.of(KEY, other, third);
        byte[] extra = "random data".getBytes(StandardCharsets.US_ASCII);

        byte[] byPrimary = PayloadCipher.encrypt(EncryptionVersion.V1, keyring, PING, extra);
        byte[] bySecondary = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(third), PING, extra);

        assertThat(PayloadCipher.decrypt(keyring, byPrimary, 0, byPrimary.length, extra)).isEqualTo(PING);
        assertThat(PayloadCipher.decrypt(keyring, bySecondary, 0, bySecondary.length, extra)).isEqualTo(PING);
        keyring.remove(third);
        assertDecryptFails(() -> PayloadCipher.decrypt(keyring, bySecondary, 0, bySecondary.length, extra),
                "No installed keys could decrypt the message");
    }

    @Test
    void rejectsPayloadSealedWithAnotherKey() {
        byte[] sealed = HEX.parseHex(PING_V1);
        Keyring wrong = Keyring.of(HEX.parseHex("0f0e0d0c0b0a09080706050403020100"));

        assertDecryptFails(() -> PayloadCipher.decrypt(wrong, sealed, 0, sealed.length, NO_LABEL),
                "No installed keys could decrypt the message");
    }

    @Test
    void rejectsPayloadWhoseAdditionalDataDiffers() {
        byte[] sealed = HEX.parseHex(PING_V1);

        assertDecryptFails(() -> PayloadCipher.decrypt(Keyring.of(KEY), sealed, 0, sealed.length, LABEL),
                "No installed keys could decrypt the message");
    }

    @Test
    void rejectsEmptyPayload() {
        assertDecryptFails(() -> PayloadCipher.decrypt(Keyring.of(KEY), new byte[4], 2, 0, NO_LABEL),
                "Cannot decrypt empty payload");
    }

    @ParameterizedTest
    @CsvSource({"-1, 10", "0, 99", "98, 1"})
    void treatsOffsetAndLengthOutsideTheBufferAsACallerBug(int offset, int length) {
        byte[] sealed = HEX.parseHex(PING_V1);

        assertThatExceptionOfType(IndexOutOfBoundsException.class)
                .isThrownBy(() -> PayloadCipher.decrypt(Keyring.of(KEY), sealed, offset, length, NO_LABEL));
    }

    @ParameterizedTest
    @CsvSource({"2", "7", "255"})
    void rejectsVersionAboveOne(int version) {
        byte[] sealed = HEX.parseHex(PING_V1);
        sealed[0] = (byte) version;

        assertDecryptFails(() -> PayloadCipher.decrypt(Keyring.of(KEY), sealed, 0, sealed.length, NO_LABEL),
                "Unsupported encryption version " + version);
    }

    @ParameterizedTest
    @CsvSource({"0, 44", "1, 28", "1, 1"})
    void rejectsPayloadShorterThanItsVersionAllows(int version, int length) {
        byte[] payload = new byte[length];
        payload[0] = (byte) version;

        assertDecryptFails(() -> PayloadCipher.decrypt(Keyring.of(KEY), payload, 0, length, NO_LABEL),
                "Payload is too small to decrypt: " + length);
    }

    @ParameterizedTest
    @CsvSource({"0, 29, 29", "1, 29, 28", "3, 29, 26", "16, 40, 24", "29, 29, 0"})
    void removesAsManyBytesAsTheLastVersion0ByteSaysAsGoDoes(int lastByte, int plaintextLength, int expectedLength) {
        // The version byte is not authenticated, so a version-1 payload relabelled as version 0 still
        // opens, and lets a test choose any final byte for the unpadding step.
        byte[] plaintext = new byte[plaintextLength];
        plaintext[plaintextLength - 1] = (byte) lastByte;
        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), plaintext, NO_LABEL, NONCE);
        sealed[0] = 0;

        byte[] opened = PayloadCipher.decrypt(Keyring.of(KEY), sealed, 0, sealed.length, NO_LABEL);

        assertThat(opened).isEqualTo(Arrays.copyOf(plaintext, expectedLength));
    }

    @ParameterizedTest
    @CsvSource({"17, 16", "255, 32"})
    void rejectsVersion0PaddingLongerThanThePlaintext(int lastByte, int plaintextLength) {
        byte[] plaintext = new byte[plaintextLength];
        plaintext[plaintextLength - 1] = (byte) lastByte;
        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), plaintext, NO_LABEL, NONCE);
        sealed[0] = 0;

        assertDecryptFails(() -> PayloadCipher.decrypt(Keyring.of(KEY), sealed, 0, sealed.length, NO_LABEL),
                "Invalid PKCS7 padding: " + lastByte + " pad bytes in " + plaintextLength);
    }

    @ParameterizedTest
    @CsvSource({"V1, 0, 29", "V1, 69, 98", "V1, 97, 126", "V0, 0, 45", "V0, 15, 45", "V0, 16, 61", "V0, 69, 109"})
    void computesEncryptedLength(EncryptionVersion version, int plaintextLength, int expected) {
        assertThat(PayloadCipher.encryptedLength(version, plaintextLength)).isEqualTo(expected);
    }

    @Test
    void rejectsNegativePlaintextLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> PayloadCipher.encryptedLength(EncryptionVersion.V1, -1));
    }

    @Test
    void rejectsNonceOfWrongLength() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> PayloadCipher.encrypt(EncryptionVersion.V1, Keyring.of(KEY), PING, NO_LABEL, new byte[8]));
    }

    @ParameterizedTest
    @CsvSource({"1", "42", "20260611"})
    void decryptingRandomOrDamagedBytesOnlyEverThrowsWireFormatException(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] secondary = new byte[24];
        random.nextBytes(secondary);
        Keyring keyring = Keyring.of(KEY, secondary);
        int opened = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = fuzzPayload(random, keyring);
            int offset = payload.length == 0 ? 0 : random.nextInt(Math.min(payload.length, 3) + 1);
            int length = payload.length - offset;
            try {
                byte[] plain = PayloadCipher.decrypt(keyring, payload, offset, length, LABEL);
                assertThat(plain.length).as("seed %d, iteration %d", seed, i).isLessThanOrEqualTo(length);
                opened++;
            } catch (WireFormatException e) {
                assertThat(e.reason()).as("seed %d, iteration %d", seed, i)
                        .isEqualTo(WireFormatException.Reason.DECRYPT_FAILED);
            }
        }
        assertThat(opened).as("seed %d: some inputs stay authentic", seed).isPositive();
    }

    /**
     * A genuine payload (either version, random plaintext ending in a random pad byte) that is
     * then left alone, relabelled to the other version, cut short, bit-flipped, or replaced by
     * noise.
     */
    private byte[] fuzzPayload(SplittableRandom random, Keyring keyring) {
        byte[] plaintext = new byte[random.nextInt(80)];
        random.nextBytes(plaintext);
        EncryptionVersion version = random.nextBoolean() ? EncryptionVersion.V0 : EncryptionVersion.V1;
        byte[] payload = PayloadCipher.encrypt(version, keyring, plaintext, LABEL);
        switch (random.nextInt(5)) {
            case 0:
                return payload;
            case 1:
                payload[0] = (byte) random.nextInt(3);
                return payload;
            case 2:
                return Arrays.copyOf(payload, random.nextInt(payload.length + 1));
            case 3:
                int bit = random.nextInt(payload.length * Byte.SIZE);
                payload[bit / Byte.SIZE] ^= (byte) (1 << (bit % Byte.SIZE));
                return payload;
            default:
                byte[] noise = new byte[random.nextInt(120)];
                random.nextBytes(noise);
                if (noise.length > 0) {
                    noise[0] = (byte) random.nextInt(3);
                }
                return noise;
        }
    }

    private static void assertDecryptFails(ThrowingCallable call, String message) {
        assertThatExceptionOfType(WireFormatException.class).isThrownBy(call)
                .withMessage(message)
                .satisfies(e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.DECRYPT_FAILED));
    }

    private static String withoutTag(String hex) {
        return hex.substring(0, hex.length() - TAG_HEX_DIGITS);
    }

    private static byte[] frameHeader(int length) {
        return ByteBuffer.allocate(5).put((byte) 0x0a).putInt(length).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
