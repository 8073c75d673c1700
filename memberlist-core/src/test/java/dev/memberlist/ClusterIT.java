package dev.memberlist;

import dev.memberlist.Telemetry.ProbeOutcome;
import dev.memberlist.delegate.Delegate;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.netty.NettyTransport;
import dev.memberlist.transport.netty.NoNettyLeaks;
import dev.memberlist.transport.tls.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Five full nodes on 127.0.0.1 to 127.0.0.5 (Linux routes all of 127.0.0.0/8 to loopback), each on a
 * free port, with probe and gossip timings a few times faster than {@link MemberlistConfig#local()}.
 */
@ExtendWith(NoNettyLeaks.class)
class ClusterIT {

    private static final int SIZE = 5;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] KEY = "an-aes-256-key-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII);

    private final List<Memberlist> nodes = new ArrayList<>();
    private final List<RecordingTelemetry> telemetry = new ArrayList<>();

    @AfterEach
    void closeEveryNode() {
        nodes.forEach(Memberlist::close);
    }

    @Test
    void clusterFormsAndSeesACrashedNodeAsDeadAndALeavingNodeAsLeft() {
        formCluster(UnaryOperator.identity());

        crashAndLeave();
    }

    @Test
    void encryptedClusterFormsAndSeesACrashedNodeAsDeadAndALeavingNodeAsLeft() {
        formCluster(config -> config.secretKey(KEY));

        crashAndLeave();
        assertThat(telemetry).allSatisfy(t -> assertThat(t.droppedByReason()).doesNotContainKeys(
                "decrypt_failed", "encryption_required", "encryption_not_configured"));
    }

    @Test
    void clusterWithTlsStreamsFormsAndSeesACrashedNodeAsDeadAndALeavingNodeAsLeft() {
        formCluster(withTls(TestCertificates.authority("cluster-ca")));

        crashAndLeave();
        assertThat(telemetry).allSatisfy(t -> assertThat(t.droppedByReason()).doesNotContainKey("tls_refused"));
    }

    @Test
    void nodeCutOffFromUdpStaysAliveThroughTcpFallbackPingsOverTls() {
        nodeCutOffFromUdpStaysAliveThroughTcpFallbackPings(withTls(TestCertificates.authority("cluster-ca")));
    }

    @Test
    void clusterWithQuicStreamsPushesPullsCarriesReliableMessagesAndSeesCrashedAndLeavingNodes() {
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        UnaryOperator<MemberlistConfig.Builder> quic = withQuic(TestCertificates.authority("cluster-ca"));
        formCluster(config -> {
            String name = config.build().name();
            return quic.apply(config).delegate(new Delegate() {
                @Override
                public void notifyMessage(byte[] message) {
                    received.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(new String(message, StandardCharsets.UTF_8));
                }

                @Override
                public byte[] localState(boolean join) {
                    return name.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public void mergeRemoteState(byte[] state, boolean join) {
                    received.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
                            .add("state of " + new String(state, StandardCharsets.UTF_8));
                }
            });
        });

        assertThat(nodes.get(1).sendReliable(name(3), "over quic".getBytes(StandardCharsets.UTF_8))).succeedsWithin(WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(received.get(name(3))).contains("over quic"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(received.get(name(1)))
                .as("push/pull states the seed merged").contains("state of n2", "state of n3", "state of n4", "state of n5"));
        crashAndLeave();
        assertThat(telemetry).allSatisfy(t -> assertThat(t.droppedByReason()).doesNotContainKey("tls_refused"));
    }

    @Test
    void nodeCutOffFromUdpStaysAliveThroughTcpFallbackPingsOverQuic() {
        nodeCutOffFromUdpStaysAliveThroughTcpFallbackPings(withQuic(TestCertificates.authority("cluster-ca")));
    }

    /** Each node with QUIC streams and a certificate of the CA, with TLS's allowance for a cold JVM's first handshakes. */
    private static UnaryOperator<MemberlistConfig.Builder> withQuic(TestCertificates ca) {
        return config -> withTls(ca).apply(config).streamLayer(StreamLayer.QUIC);
    }

    /**
     * Each node with a certificate of the CA. A cold JVM's first TLS handshakes take more than the
     * one second these tests give a plain TCP exchange on a busy machine, so streams get five.
     */
    private static UnaryOperator<MemberlistConfig.Builder> withTls(TestCertificates ca) {
        return config -> config.tcpTimeout(Duration.ofSeconds(5)).streamTls(ca.streamTlsFor(config.build().name()));
    }

    @Test
    void clusterWithoutCompressionFormsAndSeesACrashedNodeAsDeadAndALeavingNodeAsLeft() {
        formCluster(config -> config.enableCompression(false));

        crashAndLeave();
    }

    @Test
    void nodeCutOffFromUdpStaysAliveEverywhereThroughTcpFallbackPings() {
        nodeCutOffFromUdpStaysAliveThroughTcpFallbackPings(UnaryOperator.identity());
    }

    private void nodeCutOffFromUdpStaysAliveThroughTcpFallbackPings(UnaryOperator<MemberlistConfig.Builder> tweak) {
        // A fallback ping has what is left of the probe interval after probeTimeout: leave it some room.
        UnaryOperator<MemberlistConfig.Builder> roomForTcp = config -> tweak.apply(config.probeInterval(Duration.ofMillis(500)));
        for (int i = 1; i < SIZE; i++) {
            nodes.add(Memberlist.create(config(i, roomForTcp)));
        }
        MemberlistConfig isolatedConfig = config(SIZE, roomForTcp);
        UdpDroppingTransport cutOff = new UdpDroppingTransport(new NettyTransport(isolatedConfig));
        nodes.add(Memberlist.create(isolatedConfig, cutOff));
        joinAllToFirst();
        String isolated = name(SIZE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(nodes).allSatisfy(node ->
                assertThat(aliveNames(node)).hasSize(SIZE)));
        await().atMost(WAIT).until(() -> tcpFallbacksSeenByOthers() >= SIZE);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(nodes.subList(0, SIZE - 1)).allSatisfy(node ->
                        assertThat(stateOf(node, isolated)).contains(NodeState.ALIVE)));

        assertThat(cutOff.dropped()).isPositive();
    }

    private void formCluster(UnaryOperator<MemberlistConfig.Builder> tweak) {
        for (int i = 1; i <= SIZE; i++) {
            nodes.add(Memberlist.create(config(i, tweak)));
        }
        joinAllToFirst();
        await().atMost(WAIT).untilAsserted(() -> assertThat(nodes).allSatisfy(node ->
                assertThat(aliveNames(node)).hasSize(SIZE)));
    }

    private void crashAndLeave() {
        Memberlist crashed = nodes.get(SIZE - 1);
        crashed.close();
        List<Memberlist> survivors = nodes.subList(0, SIZE - 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(survivors).allSatisfy(node ->
                assertThat(stateOf(node, name(SIZE))).contains(NodeState.DEAD)));

        Memberlist leaving = nodes.get(SIZE - 2);
        assertThat(leaving.leave(Duration.ofSeconds(5))).succeedsWithin(WAIT);
        leaving.close();
        List<Memberlist> remaining = nodes.subList(0, SIZE - 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(remaining).allSatisfy(node ->
                assertThat(stateOf(node, name(SIZE - 1))).contains(NodeState.LEFT)));
        assertThat(remaining).allSatisfy(node -> assertThat(aliveNames(node)).hasSize(SIZE - 2));
    }

    private MemberlistConfig config(int index, UnaryOperator<MemberlistConfig.Builder> tweak) {
        telemetry.add(new RecordingTelemetry());
        return tweak.apply(MemberlistConfig.local()
                .name(name(index))
                .bindAddress("127.0.0." + index)
                .bindPort(0)
                .probeInterval(Duration.ofMillis(300))
                .probeTimeout(Duration.ofMillis(100))
                .gossipInterval(Duration.ofMillis(50))
                .suspicionMult(3)
                .suspicionMaxTimeoutMult(3)
                .pushPullInterval(Duration.ofSeconds(2))
                .tcpTimeout(Duration.ofSeconds(1))
                .telemetry(telemetry.get(telemetry.size() - 1)))
                .build();
    }

    private void joinAllToFirst() {
        String seed = "127.0.0.1:" + nodes.get(0).localNode().port();
        for (Memberlist node : nodes.subList(1, nodes.size())) {
            assertThat(node.join(List.of(seed))).succeedsWithin(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private long tcpFallbacksSeenByOthers() {
        return telemetry.subList(0, SIZE - 1).stream().mapToLong(t -> t.probes(ProbeOutcome.TCP_FALLBACK)).sum();
    }

    private static List<String> aliveNames(Memberlist node) {
        return node.allNodes().stream().filter(n -> n.state() == NodeState.ALIVE).map(Node::name).toList();
    }

    private static Optional<NodeState> stateOf(Memberlist node, String name) {
        return node.allNodes().stream().filter(n -> n.name().equals(name)).map(Node::state).findFirst();
    }

    private static String name(int index) {
        return "n" + index;
    }
}
