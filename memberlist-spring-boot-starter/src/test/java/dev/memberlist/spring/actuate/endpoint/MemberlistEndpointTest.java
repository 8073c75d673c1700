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
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistEndpointTest {

    private static final byte[] KEY_1 = "0123456789abcdef".getBytes();
    private static final byte[] KEY_2 = "fedcba9876543210".getBytes();

    private final RoundTripTimes roundTripTimes = new RoundTripTimes();
    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1")
            .keyring(Keyring.of(KEY_1)).build(), new IsolatedTransport());
    private final MemberlistEndpoint endpoint = new MemberlistEndpoint(memberlist, roundTripTimes);

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
    void roundTripTimesForgetDepartedNodes() {
        roundTripTimes.probeRtt("n2", Duration.ofMillis(7));
        assertThat(roundTripTimes.lastRttMillis("n2")).hasValue(7);

        roundTripTimes.nodeDeparted("n2", Telemetry.DepartureReason.LEFT);

        assertThat(roundTripTimes.lastRttMillis("n2")).isEmpty();
    }
}
