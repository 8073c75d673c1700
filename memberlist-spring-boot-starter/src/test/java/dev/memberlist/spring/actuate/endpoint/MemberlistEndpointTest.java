package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.Telemetry;
import dev.memberlist.security.Keyring;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.MemberCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MemberlistEndpointTest {

    private static final byte[] KEY_1 = "0123456789abcdef".getBytes();
    private static final byte[] KEY_2 = "fedcba9876543210".getBytes();

    private final RoundTripTimes roundTripTimes = new RoundTripTimes();
    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1")
            .keyring(Keyring.of(KEY_1)).build(), new IsolatedTransport());
    private final WritableMemberlistEndpoint endpoint = new WritableMemberlistEndpoint(memberlist, roundTripTimes,
            List.of("10.0.0.2:7946"), Duration.ofSeconds(1));

    @AfterEach
    void shutdown() {
        memberlist.shutdown();
    }

    @Test
    void describesTheLocalNodeTheMembersTheirCountsAndTheConfiguration() {
        memberlist.start();
        roundTripTimes.probeRtt("n1", Duration.ofMillis(4));

        MemberlistDescriptor descriptor = endpoint.memberlist();

        assertThat(descriptor.local()).isEqualTo(new MemberDescriptor("n1", "10.0.0.1", 7946, NodeState.ALIVE,
                memberlist.localNode().incarnation(), Map.of(), 4L));
        assertThat(descriptor.members()).containsExactly(descriptor.local());
        assertThat(descriptor.counts()).isEqualTo(new MemberCounts(1, 0, 0, 0));
        assertThat(descriptor.healthScore()).isZero();
        assertThat(descriptor.config()).containsEntry("name", "n1").containsEntry("probeInterval", "PT1S")
                .containsEntry("encryptionEnabled", true).containsEntry("encryptionKeys", 1);
    }

    @Test
    void neverShowsKeys() {
        memberlist.start();

        String json = JsonMapper.builder().build().writeValueAsString(endpoint.memberlist());

        assertThat(json).contains("\"encryptionKeys\":1").doesNotContain(Base64.getEncoder().encodeToString(KEY_1))
                .doesNotContain(new String(KEY_1)).doesNotContainIgnoringCase("keyring");
    }

    @Test
    void describesOneMemberByNameOrNothing() {
        memberlist.start();

        assertThat(endpoint.member("n1")).isNotNull().extracting(MemberDescriptor::lastRttMillis).isNull();
        assertThat(endpoint.member("unknown")).isNull();
    }

    @Test
    void metadataThatIsNotKeyValueTextShowsAsBase64() {
        byte[] raw = {(byte) 0x82, 0x01};
        assertThat(MemberDescriptor.of(new Node("n2", InetAddress.getLoopbackAddress(), 1, raw,
                NodeState.SUSPECT, 3, memberlist.config().advertisedVersions()), OptionalLong.empty()).meta())
                .containsExactly(Map.entry("base64", "ggE="));
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
        WritableMemberlistEndpoint plainEndpoint = new WritableMemberlistEndpoint(plain, roundTripTimes, List.of(),
                Duration.ofSeconds(1));

        assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> plainEndpoint.operate("install-key", Base64.getEncoder().encodeToString(KEY_2), null))
                .satisfies(ex -> assertThat(ex.getReason()).contains("memberlist.secret-keys"));
    }

    @Test
    void roundTripTimesForgetDepartedNodes() {
        roundTripTimes.probeRtt("n2", Duration.ofMillis(7));
        assertThat(roundTripTimes.lastRttMillis("n2")).hasValue(7);

        roundTripTimes.nodeDeparted("n2", Telemetry.DepartureReason.LEFT);

        assertThat(roundTripTimes.lastRttMillis("n2")).isEmpty();
    }
}
