package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.security.Keyring;
import dev.memberlist.spring.IsolatedTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MemberlistOperationsEndpointTest {

    private static final byte[] KEY_1 = "0123456789abcdef".getBytes();
    private static final byte[] KEY_2 = "fedcba9876543210".getBytes();

    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1")
            .keyring(Keyring.of(KEY_1)).build(), new IsolatedTransport());
    private final MemberlistOperationsEndpoint endpoint = new MemberlistOperationsEndpoint(memberlist,
            List.of("10.0.0.2:7946"), Duration.ofSeconds(1));

    @AfterEach
    void shutdown() {
        memberlist.shutdown();
    }

    @Test
    void isReadOnlyUnlessAccessIsGranted() {
        Endpoint endpoint = MemberlistOperationsEndpoint.class.getAnnotation(Endpoint.class);

        assertThat(endpoint.id()).isEqualTo("memberlistops");
        assertThat(endpoint.defaultAccess()).isEqualTo(Access.READ_ONLY);
    }

    @Test
    void readListsTheOperationsAndTheNumberOfKeysButNoKey() {
        memberlist.start();

        assertThat(endpoint.operations()).containsEntry("operations",
                        List.of("leave", "join", "install-key", "use-key", "remove-key"))
                .containsEntry("encryptionKeys", 1).containsEntry("left", false);
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
    void keysRotateWithoutEverBeingReturned() {
        String key2 = Base64.getEncoder().encodeToString(KEY_2);

        assertThat(endpoint.operate("install-key", key2, null)).isEqualTo(Map.of("keys", 2));
        assertThat(endpoint.operate("use-key", key2, null)).isEqualTo(Map.of("keys", 2));
        assertThat(endpoint.operate("remove-key", Base64.getEncoder().encodeToString(KEY_1), null))
                .isEqualTo(Map.of("keys", 1));
        assertThat(memberlist.config().keyring().orElseThrow().primaryKey()).isEqualTo(KEY_2);
    }

    @Test
    void invalidKeyOperationsAreBadRequestsThatNeverQuoteTheKey() {
        String notBase64 = "not-base64-secret!";

        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> endpoint.operate("install-key", notBase64, null))
                .satisfies(ex -> assertThat(ex.getReason()).isEqualTo("The key is not valid base64").doesNotContain("!"));
        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> endpoint.operate("remove-key", Base64.getEncoder().encodeToString(KEY_1), null))
                .satisfies(ex -> assertThat(ex.getReason()).isEqualTo("removing the primary key is not allowed"));
        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> endpoint.operate("use-key", null, null));
        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> endpoint.operate("reboot", null, null))
                .satisfies(ex -> assertThat(ex.getReason()).startsWith("Unknown operation"));
    }

    @Test
    void keyOperationsNeedEncryption() {
        Memberlist plain = Memberlist.prepare(MemberlistConfig.local().name("n2").build(), new IsolatedTransport());
        MemberlistOperationsEndpoint plainEndpoint = new MemberlistOperationsEndpoint(plain, List.of(),
                Duration.ofSeconds(1));

        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> plainEndpoint.operate("install-key", Base64.getEncoder().encodeToString(KEY_2), null))
                .satisfies(ex -> assertThat(ex.getReason()).contains("memberlist.encryption.secret-keys"));
    }
}
