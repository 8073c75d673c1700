package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.security.Keyring;
import dev.memberlist.spring.IsolatedTransport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MemberlistOperationsEndpointTest {

    private static final byte[] KEY_1 = "0123456789abcdef".getBytes();
    private static final byte[] KEY_2 = "fedcba9876543210".getBytes();
    private static final String KEY_1_BASE64 = Base64.getEncoder().encodeToString(KEY_1);
    private static final String KEY_2_BASE64 = Base64.getEncoder().encodeToString(KEY_2);
    // printf %s 0123456789abcdef | sha256sum | cut -c1-16, and likewise
    private static final String KEY_1_FINGERPRINT = "9f9f5111f7b27a78";
    private static final String KEY_2_FINGERPRINT = "3465f6e6975baa86";

    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1")
            .keyring(Keyring.of(KEY_1)).build(), new IsolatedTransport());
    private final MemberlistOperationsEndpoint endpoint = new MemberlistOperationsEndpoint(memberlist,
            List.of("10.0.0.2:7946"), Duration.ofSeconds(1));

    private final Memberlist plain = Memberlist.prepare(MemberlistConfig.local().name("n2").build(),
            new IsolatedTransport());

    @AfterEach
    void shutdown() {
        memberlist.shutdown();
        plain.shutdown();
    }

    @Test
    void isReadOnlyUnlessAccessIsGranted() {
        Endpoint endpoint = MemberlistOperationsEndpoint.class.getAnnotation(Endpoint.class);

        assertThat(endpoint.id()).isEqualTo("memberlistops");
        assertThat(endpoint.defaultAccess()).isEqualTo(Access.READ_ONLY);
    }

    @Test
    void readListsTheOperationsAndTheKeysByFingerprintButNoKey() {
        memberlist.start();

        assertThat(endpoint.operations()).containsEntry("operations",
                        List.of("leave", "join", "install-key", "use-key", "remove-key"))
                .containsEntry("encryptionKeys", 1)
                .containsEntry("keyring", new KeyringDescriptor(KEY_1_FINGERPRINT, List.of(KEY_1_FINGERPRINT)))
                .containsEntry("left", false);
        assertThat(endpoint.operations().toString()).doesNotContain(KEY_1_BASE64, new String(KEY_1));
    }

    @Test
    void readWithoutEncryptionShowsNoKeyring() {
        MemberlistOperationsEndpoint plainEndpoint = new MemberlistOperationsEndpoint(plain, List.of(),
                Duration.ofSeconds(1));

        assertThat(plainEndpoint.operations()).containsEntry("encryptionKeys", 0).doesNotContainKey("keyring");
    }

    @Test
    void leaveLeavesTheCluster() {
        memberlist.start();

        assertThat(endpoint.operate("leave", null, null)).containsEntry("left", true);
        assertThat(memberlist.hasLeft()).isTrue();
    }

    @Test
    void joinWithoutSeedsJoinsTheConfiguredOnesAndReportsFailure() {
        memberlist.start();

        assertThatIllegalStateException().isThrownBy(() -> endpoint.operate("join", null, null))
                .withMessageContaining("10.0.0.2:7946");
    }

    @Test
    void keysRotateAnsweringTheCountAndTheFingerprintsButNeverAKey() {
        assertThat(endpoint.operate("install-key", KEY_2_BASE64, null)).isEqualTo(Map.of("keys", 2,
                "keyring", new KeyringDescriptor(KEY_1_FINGERPRINT, List.of(KEY_1_FINGERPRINT, KEY_2_FINGERPRINT))));
        assertThat(endpoint.operate("use-key", KEY_2_BASE64, null)).isEqualTo(Map.of("keys", 2,
                "keyring", new KeyringDescriptor(KEY_2_FINGERPRINT, List.of(KEY_2_FINGERPRINT, KEY_1_FINGERPRINT))));
        assertThat(endpoint.operate("remove-key", KEY_1_BASE64, null)).isEqualTo(Map.of("keys", 1,
                "keyring", new KeyringDescriptor(KEY_2_FINGERPRINT, List.of(KEY_2_FINGERPRINT))));
        assertThat(memberlist.config().keyring().orElseThrow().primaryKey()).isEqualTo(KEY_2);
    }

    @Test
    void removingAKeyThatIsNotInstalledChangesNothingAsInGo() {
        assertThat(endpoint.operate("remove-key", KEY_2_BASE64, null)).containsEntry("keys", 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedKeyOperations")
    void refusedKeyOperationsAreBadRequestsThatNameNoKey(String operation, @Nullable String key, String reason) {
        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> endpoint.operate(operation, key, null))
                .satisfies(ex -> assertThat(ex.getReason()).isEqualTo(reason))
                .satisfies(ex -> assertNoKeyMaterial(ex, key));
        assertThat(memberlist.config().keyring().orElseThrow().fingerprints()).containsExactly(KEY_1_FINGERPRINT);
    }

    static Stream<Arguments> refusedKeyOperations() {
        String shortKey = Base64.getEncoder().encodeToString("fifteen bytes!!".getBytes(StandardCharsets.US_ASCII));
        return Stream.of(
                Arguments.of("install-key", "not-base64-secret!", "The key is not valid base64"),
                Arguments.of("use-key", "c2VjcmV0*", "The key is not valid base64"),
                Arguments.of("install-key", shortKey, "The key is 15 bytes long; AES keys are 16, 24 or 32 bytes"),
                Arguments.of("use-key", shortKey, "The key is 15 bytes long; AES keys are 16, 24 or 32 bytes"),
                Arguments.of("use-key", KEY_2_BASE64, "use-key refused for key " + KEY_2_FINGERPRINT
                        + ": the requested key is not in the keyring"),
                Arguments.of("remove-key", KEY_1_BASE64, "remove-key refused for key " + KEY_1_FINGERPRINT
                        + ": removing the primary key is not allowed"),
                Arguments.of("install-key", null, "Give the base64-encoded key as 'key'"),
                Arguments.of("use-key", " ", "Give the base64-encoded key as 'key'"));
    }

    @Test
    void unknownOperationsAreBadRequests() {
        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> endpoint.operate("reboot", null, null))
                .satisfies(ex -> assertThat(ex.getReason()).startsWith("Unknown operation"));
    }

    @Test
    void keyOperationsNeedEncryption() {
        MemberlistOperationsEndpoint plainEndpoint = new MemberlistOperationsEndpoint(plain, List.of(),
                Duration.ofSeconds(1));

        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> plainEndpoint.operate("install-key", KEY_2_BASE64, null))
                .satisfies(ex -> assertThat(ex.getReason())
                        .isEqualTo("Encryption is not enabled; set memberlist.encryption.secret-keys"))
                .satisfies(ex -> assertNoKeyMaterial(ex, KEY_2_BASE64));
    }

    private static void assertNoKeyMaterial(InvalidEndpointRequestException ex, @Nullable String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        String trimmed = key.trim();
        assertThat(ex.getReason()).doesNotContain(trimmed).doesNotContain(trimmed.substring(0, 6));
        assertThat(ex.getMessage()).doesNotContain(trimmed).doesNotContain(trimmed.substring(0, 6));
        try {
            byte[] raw = Base64.getDecoder().decode(trimmed);
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            assertThat(ex.getReason()).doesNotContain(text.substring(0, 6))
                    .doesNotContain(HexFormat.of().formatHex(raw).substring(0, 12));
        } catch (IllegalArgumentException notBase64) {
            // Nothing decoded, so nothing more to look for.
        }
    }
}
