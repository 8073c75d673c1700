package dev.memberlist.sim;

import dev.memberlist.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictSimulationTest {

    @Test
    void secondNodeWithATakenNameIsReportedAsAConflict() {
        SimCluster cluster = SimCluster.builder().seed(11).nodes(3).build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).isTrue();

        cluster.startImpostor("impostor", "n1", 41);
        cluster.join("impostor", "n0");
        cluster.runFor(Duration.ofSeconds(5));

        assertThat(cluster.events().matching(e -> e.observer().equals("n0") && e.kind() == SimEvent.Kind.CONFLICT
                && e.subject().equals("n1"))).as("%s", cluster).isNotEmpty();
        assertThat(cluster.node("n0").members()).as("%s: the original keeps its address", cluster)
                .anyMatch(n -> n.name().equals("n1") && n.socketAddress().equals(cluster.address("n1")));
    }

    @Test
    void deadNodeRejoiningWithNewAddressAfterReclaimTimeIsAccepted() {
        SimCluster cluster = SimCluster.builder().seed(12).nodes(4)
                .config(c -> c.deadNodeReclaimTime(Duration.ofSeconds(10)).gossipToTheDeadTime(Duration.ofMinutes(5)))
                .build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).isTrue();

        cluster.crash("n3");
        assertThat(cluster.scheduler().runUntil(() -> cluster.running().stream()
                .allMatch(o -> cluster.stateOf(o, "n3").orElseThrow() == NodeState.DEAD),
                Duration.ofMinutes(1), Duration.ofMillis(100))).as("%s", cluster).isTrue();
        cluster.runFor(Duration.ofSeconds(11));

        cluster.start("n3", 33);
        cluster.join("n3", "n0");

        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s", cluster).isTrue();
        assertThat(cluster.node("n0").members()).anyMatch(n -> n.name().equals("n3")
                && n.socketAddress().equals(cluster.address("n3")));
    }
}
