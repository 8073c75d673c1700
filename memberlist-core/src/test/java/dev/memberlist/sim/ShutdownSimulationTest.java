package dev.memberlist.sim;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistException;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Futures that would otherwise never complete: after a shutdown, and after a leave. */
class ShutdownSimulationTest {

    @Test
    void updateAfterLeaveFailsAtOnceInsteadOfWaitingForABroadcastThatNeverComes() {
        SimCluster cluster = SimCluster.builder().seed(42).nodes(3).build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();
        CompletableFuture<Void> leave = cluster.node("n0").leave(Duration.ofSeconds(5));
        cluster.scheduler().runUntil(leave::isDone, Duration.ofSeconds(6));

        CompletableFuture<Void> update = cluster.node("n0").updateNode(Duration.ZERO);
        cluster.runFor(Duration.ofSeconds(1));

        assertThat(update).as("%s", cluster).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(MemberlistException.class).withMessageContaining("has left");
    }

    @Test
    void shutdownFailsEveryPendingFutureWithAShutdownCause() {
        SimCluster cluster = SimCluster.builder().seed(41).nodes(3).build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();
        Memberlist n0 = cluster.node("n0");
        InetSocketAddress nobody = SimulatedNetwork.address(77);

        Map<String, CompletableFuture<?>> pending = Map.of(
                "ping", n0.ping("ghost", nobody),
                "join", n0.join(List.of(nobody.getAddress().getHostAddress() + ":" + nobody.getPort())),
                "update", n0.updateNode(Duration.ZERO),
                "leave", cluster.node("n1").leave(Duration.ZERO));
        cluster.runFor(Duration.ofMillis(10));
        assertThat(pending).as("%s: nothing has finished yet", cluster).allSatisfy((what, future) ->
                assertThat(future).as(what).isNotDone());

        cluster.crash("n0");
        cluster.crash("n1");
        cluster.runFor(Duration.ofSeconds(1));

        assertThat(pending).as("%s", cluster).allSatisfy((what, future) -> assertThat(future).as(what)
                .failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(MemberlistException.class).withMessageContaining("is shut down"));
    }
}
