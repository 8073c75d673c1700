package dev.memberlist.interop;

import dev.memberlist.NodeState;
import dev.memberlist.transport.netty.NoNettyLeaks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes and graceful leaves across the language boundary, in a cluster of two Go and two Java
 * nodes: a crash is declared dead, a leave is seen as a leave, whichever side it happens on.
 */
class FailureInteropIT {

    @RegisterExtension
    static final NoNettyLeaks NO_LEAKS = NoNettyLeaks.collectingAfterAll();

    @RegisterExtension
    final MixedCluster cluster = new MixedCluster(Timings.FAST);
    private GoPeer g1;
    private GoPeer g2;
    private JavaPeer j1;
    private JavaPeer j2;

    @BeforeEach
    void formCluster() {
        cluster.formChain(2);
        g1 = cluster.goPeers().get(0);
        g2 = cluster.goPeers().get(1);
        j1 = cluster.javaPeers().get(0);
        j2 = cluster.javaPeers().get(1);
    }

    @Test
    void goNodeKilledWithSigkillIsDeclaredDeadByJavaNodes() {
        g2.kill();

        awaitState(List.of(j1, j2), "g2", NodeState.DEAD);
        assertThat(j1.events().of(RecordingEvents.Kind.LEAVE, "g2")).singleElement()
                .satisfies(e -> assertThat(e.node().state()).isEqualTo(NodeState.DEAD));
        g1.awaitNode("leave", "g2");
        cluster.awaitConverged();
    }

    @Test
    void javaNodeShutDownWithoutLeavingIsDeclaredDeadByGoNodes() {
        j2.close();

        g1.awaitNode("leave", "j2");
        g2.awaitNode("leave", "j2");
        awaitState(List.of(j1), "j2", NodeState.DEAD);
        cluster.awaitConverged();
    }

    @Test
    void goNodeLeavingGracefullyIsSeenAsLeftByJavaNodes() {
        g2.command("leave");

        assertThat(g2.process().await("left")).containsKey("ms");
        assertThat(g2.process().awaitExit()).isZero();
        awaitState(List.of(j1, j2), "g2", NodeState.LEFT);
        assertThat(j2.events().of(RecordingEvents.Kind.LEAVE, "g2")).singleElement()
                .satisfies(e -> assertThat(e.node().state()).isEqualTo(NodeState.LEFT));
        g1.awaitNode("leave", "g2");
        cluster.awaitConverged();
    }

    @Test
    void javaNodeLeavingGracefullyIsSeenLeavingByGoNodes() {
        assertThat(j2.memberlist().leave(Duration.ofSeconds(5))).succeedsWithin(MixedCluster.WAIT);
        j2.close();

        g1.awaitNode("leave", "j2");
        g2.awaitNode("leave", "j2");
        awaitState(List.of(j1), "j2", NodeState.LEFT);
        cluster.awaitConverged();
    }

    private static void awaitState(List<JavaPeer> observers, String node, NodeState state) {
        await(observers + " see " + node + " " + state).atMost(MixedCluster.WAIT).untilAsserted(() ->
                assertThat(observers).allSatisfy(o -> assertThat(o.stateOf(node)).as("%s's view", o).contains(state)));
    }
}
