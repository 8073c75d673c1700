package dev.memberlist.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFingerprintTest {

    // Expected values from: printf %s "$KEY" | base64 -d | sha256sum | cut -c1-16
    @ParameterizedTest
    @CsvSource({
            "000102030405060708090a0b0c0d0e0f, be45cb2605bf36be",
            "0f0e0d0c0b0a09080706050403020100, 1f919296baf10802",
    })
    void isTheFirstEightBytesOfTheKeysSha256InHex(String keyHex, String fingerprint) {
        assertThat(KeyFingerprint.of(HexFormat.of().parseHex(keyHex))).isEqualTo(fingerprint);
    }

    @ParameterizedTest
    @CsvSource({"0123456789abcdef", "0123456789abcdef01234567", "0123456789abcdef0123456789abcdef"})
    void neverContainsTheKeyInAnyForm(String text) {
        byte[] key = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(KeyFingerprint.of(key)).hasSize(16).matches("[0-9a-f]{16}")
                .doesNotContain(HexFormat.of().formatHex(key).substring(0, 8))
                .doesNotContain(text.substring(0, 8));
    }
}
