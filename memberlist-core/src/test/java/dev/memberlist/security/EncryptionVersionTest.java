package dev.memberlist.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EncryptionVersionTest {

    @ParameterizedTest
    @CsvSource({"1, V0", "2, V1", "3, V1", "5, V1", "0, V1"})
    void protocolVersion1SendsVersion0AndEveryOtherSendsVersion1(int protocolVersion, EncryptionVersion expected) {
        assertThat(EncryptionVersion.forProtocolVersion(protocolVersion)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"V0, 0, 45", "V1, 1, 29"})
    void carriesGoVersionByteAndMaximumOverhead(EncryptionVersion version, int code, int overhead) {
        assertThat(version.code()).isEqualTo(code);
        assertThat(version.overhead()).isEqualTo(overhead);
    }

    @ParameterizedTest
    @EnumSource(EncryptionVersion.class)
    void overheadIsTheMostEncryptionEverAdds(EncryptionVersion version) {
        int most = 0;
        for (int length = 0; length < 64; length++) {
            most = Math.max(most, PayloadCipher.encryptedLength(version, length) - length);
        }
        assertThat(most).isEqualTo(version.overhead());
    }
}
