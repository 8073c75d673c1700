package dev.memberlist.sim;

import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.delegate.MergeDelegate;
import dev.memberlist.delegate.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectSimulationTest {

    private static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(5);

    @Test
    void reconnectToADeadNodesAddressNowHeldByAForeignClusterAsksTheMergeDelegateAndMergesNothing() {
        List<String> asked = new ArrayList<>();
        SimCluster.Builder builder = SimCluster.builder().seed(51).nodes(3)
                .config(c -> c.reconnectInterval(RECONNECT_INTERVAL));
        for (String name : List.of("n0", "n1", "n2", "b0", "b1")) {
            builder.config(name, c -> c.merge(sameClusterOnly(name, asked)));
        }
        SimCluster cluster = builder.build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();

        cluster.crash("n2");
        assertThat(cluster.scheduler().runUntil(() -> List.of("n0", "n1").stream()
                .allMatch(o -> cluster.stateOf(o, "n2").orElseThrow() == NodeState.DEAD),
                Duration.ofSeconds(30), Duration.ofMillis(100))).as("%s: n2 declared dead", cluster).isTrue();
        // Past the gossip-to-the-dead time, only the reconnect loop still reaches n2's old address.
        cluster.runFor(Duration.ofSeconds(31));

        cluster.startImpostor("b0", "b0", 2);
        cluster.start("b1", 60);
        cluster.join("b1", "b0");
        asked.clear();
        cluster.runFor(RECONNECT_INTERVAL.multipliedBy(6));

        assertThat(cluster.node("n0").members()).extracting(Node::name).containsExactlyInAnyOrder("n0", "n1");
        assertThat(cluster.node("n1").members()).extracting(Node::name).containsExactlyInAnyOrder("n0", "n1");
        assertThat(cluster.node("b0").members()).extracting(Node::name).containsExactlyInAnyOrder("b0", "b1");
        assertThat(cluster.node("b1").members()).extracting(Node::name).containsExactlyInAnyOrder("b0", "b1");
        assertThat(asked).as("%s: the reconnect push/pulls asked the merge delegates", cluster)
                .contains("b0 rejected n").anyMatch(entry -> entry.matches("n[01] rejected b"));
    }

    /** Accepts a merge only when every peer's name starts with the local node's cluster letter. */
    private static MergeDelegate sameClusterOnly(String local, List<String> asked) {
        String cluster = local.substring(0, 1);
        return peers -> {
            for (Node peer : peers) {
                if (!peer.name().startsWith(cluster)) {
                    asked.add(local + " rejected " + peer.name().charAt(0));
                    return Verdict.reject(peer.name() + " belongs to another cluster");
                }
            }
            return Verdict.accept();
        };
    }
}
