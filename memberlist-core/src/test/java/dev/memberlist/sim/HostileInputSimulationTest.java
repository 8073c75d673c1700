package dev.memberlist.sim;

import dev.memberlist.MemberlistException;
import dev.memberlist.Node;
import dev.memberlist.Telemetry;
import dev.memberlist.wire.Suspect;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class HostileInputSimulationTest {

    @Test
    void suspicionAtTheLargestIncarnationLeavesTheNodeAnsweringJoins() {
        // The refutation wraps n0's incarnation to 0 (as Go's does), which the invariant reads as a decrease.
        SimCluster cluster = SimCluster.builder().seed(31).nodes(2).checkInvariants(false).build();
        new SimIntruder(cluster, 90).sendPacket(cluster.address("n0"), new Suspect(0xffff_ffffL, "n0", "intruder"));
        cluster.runFor(Duration.ofSeconds(1));

        CompletableFuture<Integer> join = cluster.join("n1", "n0");
        cluster.scheduler().runUntil(join::isDone, Duration.ofSeconds(15));

        assertThat(join).as("%s", cluster).isCompletedWithValue(1);
        assertThat(cluster.node("n0").members()).extracting(Node::name).containsExactlyInAnyOrder("n0", "n1");
        // Like Go, n1 ignores an alive at incarnation 0 for a node it does not know; n0 is back in
        // view as soon as it announces itself again, here through a metadata update.
        assertThat(cluster.node("n0").localNode().incarnation()).isZero();
        CompletableFuture<Void> update = cluster.node("n0").updateNode(Duration.ofSeconds(5));
        cluster.scheduler().runUntil(update::isDone, Duration.ofSeconds(6));
        assertThat(update).as("%s", cluster).isCompleted();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(5))).as("%s converged", cluster).isTrue();
        assertThat(cluster.node("n1").members()).anyMatch(n -> n.name().equals("n0") && n.incarnation() == 1);
    }

    @Test
    void aStreamWhoseHandlingFailsIsAnsweredWithAnErrorInsteadOfLeftHanging() {
        SimCluster cluster = SimCluster.builder().seed(32).nodes(2)
                .config(c -> c.tcpTimeout(Duration.ofSeconds(10)))
                .telemetry(name -> !name.equals("n0") ? Telemetry.NOOP : new Telemetry() {
                    @Override
                    public void messageReceived(String type) {
                        throw new IllegalStateException("broken metrics binding");
                    }
                })
                .build();

        CompletableFuture<Integer> join = cluster.join("n1", "n0");
        cluster.scheduler().runUntil(join::isDone, Duration.ofSeconds(1));

        assertThat(join).as("%s: answered long before the 10 s stream timeout", cluster).isDone();
        assertThat(join).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(MemberlistException.class)
                .withMessageContaining("remote error from").withMessageContaining("internal error");
        assertThat(cluster.node("n0").members()).extracting(Node::name).containsExactly("n0");
    }
}
