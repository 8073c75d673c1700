package dev.memberlist.sim;

import dev.memberlist.Node;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserDataSimulationTest {

    private static final long SEED = 7;

    private final Map<String, RecordingDelegate> delegates = new HashMap<>();
    private SimCluster cluster;

    @BeforeEach
    void converge() {
        cluster = SimCluster.builder().seed(SEED).nodes(6)
                .delegates(name -> delegates.computeIfAbsent(name, n -> new RecordingDelegate("state-of-" + n)))
                .build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();
    }

    @Test
    void metadataUpdateReachesEveryNode() {
        delegates.get("n2").meta("zone=b");
        var update = cluster.node("n2").updateNode(Duration.ofSeconds(10));

        boolean seen = cluster.scheduler().runUntil(() -> cluster.running().stream().allMatch(o ->
                cluster.node(o).members().stream().anyMatch(n -> n.name().equals("n2") && meta(n).equals("zone=b"))),
                Duration.ofSeconds(30), Duration.ofMillis(20));

        assertThat(seen).as("%s", cluster).isTrue();
        cluster.scheduler().runUntil(update::isDone, Duration.ofSeconds(10));
        assertThat(update).isCompleted();
        assertThat(cluster.events().about(SimEvent.Kind.UPDATED, "n2")).filteredOn(e -> !e.observer().equals("n2")).hasSize(5);
    }

    @Test
    void userBroadcastReachesEveryNode() {
        delegates.values().forEach(d -> d.relayNewMessages(3));
        delegates.get("n1").broadcast("hello all", 3);

        boolean delivered = cluster.scheduler().runUntil(() -> delegates.entrySet().stream()
                .filter(e -> !e.getKey().equals("n1")).allMatch(e -> e.getValue().messages().contains("hello all")),
                Duration.ofSeconds(30), Duration.ofMillis(20));

        assertThat(delivered).as("%s", cluster).isTrue();
    }

    @Test
    void reliableAndBestEffortMessagesArrive() {
        var reliable = cluster.node("n0").sendReliable("n3", "over tcp".getBytes(StandardCharsets.UTF_8));
        var bestEffort = cluster.node("n0").sendBestEffort("n4", "over udp".getBytes(StandardCharsets.UTF_8));

        cluster.runFor(Duration.ofSeconds(1));

        assertThat(reliable).isCompleted();
        assertThat(bestEffort).isCompleted();
        assertThat(delegates.get("n3").messages()).containsExactly("over tcp");
        assertThat(delegates.get("n4").messages()).containsExactly("over udp");
    }

    @Test
    void userStateReachesEveryNodeThroughPushPull() {
        boolean exchanged = cluster.scheduler().runUntil(() -> delegates.values().stream()
                .allMatch(d -> !d.remoteStates().isEmpty()), Duration.ofMinutes(2), Duration.ofMillis(100));

        assertThat(exchanged).as("%s", cluster).isTrue();
        delegates.forEach((name, delegate) -> assertThat(delegate.remoteStates())
                .allMatch(s -> s.data().startsWith("state-of-") && !s.data().equals("state-of-" + name)));
    }

    private static String meta(Node node) {
        return new String(node.meta(), StandardCharsets.UTF_8);
    }
}
