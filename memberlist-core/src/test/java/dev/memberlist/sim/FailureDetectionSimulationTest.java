package dev.memberlist.sim;

import dev.memberlist.NodeState;
import dev.memberlist.internal.ClusterMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailureDetectionSimulationTest {

    private static final int NODES = 5;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void isolatedNodeIsSuspectedThenDeclaredDeadByEveryoneWithinTheBound(long seed) {
        SimCluster cluster = converged(seed);
        long isolatedAt = cluster.scheduler().nanoTime();
        cluster.isolate("n3");

        // The worst case: every other node reaches n3 in its probe order within one pass of the
        // table, a failed probe takes one probe interval, the suspicion then runs at most its
        // maximum timeout (no confirmations), and the verdict needs a few gossip rounds to spread.
        Duration probeInterval = Duration.ofSeconds(1);
        long maxSuspicion = 6 * ClusterMath.suspicionTimeoutNanos(4, NODES, probeInterval.toNanos());
        Duration bound = probeInterval.multipliedBy(NODES + 1).plusNanos(maxSuspicion).plusSeconds(2);
        List<String> others = List.of("n0", "n1", "n2", "n4");

        boolean allDead = cluster.scheduler().runUntil(
                () -> others.stream().allMatch(o -> cluster.stateOf(o, "n3").orElseThrow() == NodeState.DEAD),
                bound, Duration.ofMillis(10));

        assertThat(allDead).as("%s: every node declared n3 dead within %s", cluster, bound).isTrue();
        for (String observer : others) {
            List<SimEvent> died = cluster.events().matching(e -> e.observer().equals(observer)
                    && e.kind() == SimEvent.Kind.DIED && e.subject().equals("n3"));
            assertThat(died).as("%s: %s reported n3's death once", cluster, observer).hasSize(1);
            assertThat(died.get(0).atNanos() - isolatedAt).isLessThanOrEqualTo(bound.toNanos());
        }
        long firstSuspected = cluster.events().about(SimEvent.Kind.SUSPECTED, "n3").get(0).atNanos();
        long firstDied = cluster.events().about(SimEvent.Kind.DIED, "n3").get(0).atNanos();
        assertThat(firstSuspected).as("%s: n3 was suspected before it was declared dead", cluster).isLessThan(firstDied);
        Duration deadEverywhere = Duration.ofNanos(cluster.events().about(SimEvent.Kind.DIED, "n3").stream()
                .mapToLong(SimEvent::atNanos).max().orElseThrow() - isolatedAt);
        System.out.printf("n3 dead everywhere %d ms after isolation (bound %d ms, seed %d)%n",
                deadEverywhere.toMillis(), bound.toMillis(), seed);
        // The worst case above assumes no confirmations; in practice all four observers fail their
        // probes of n3 within a few seconds, their suspicions confirm one another and the timeout
        // falls to its minimum (4 s): measured 5.1-5.4 s over the seeds, so 8 s leaves 1.5x.
        assertThat(deadEverywhere).as("%s: n3 dead everywhere", cluster).isLessThan(Duration.ofSeconds(8));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void suspectedLiveNodeRefutesWithHigherIncarnationAndNobodyDeclaresItDead(long seed) {
        SimCluster cluster = converged(seed);
        long before = cluster.node("n2").localNode().incarnation();
        cluster.isolate("n2");
        boolean suspected = cluster.scheduler().runUntil(
                () -> !cluster.events().about(SimEvent.Kind.SUSPECTED, "n2").isEmpty(), Duration.ofSeconds(30));
        assertThat(suspected).as("%s: n2 got suspected", cluster).isTrue();
        cluster.heal();

        boolean refuted = cluster.scheduler().runUntil(() -> cluster.running().stream()
                .allMatch(o -> cluster.stateOf(o, "n2").orElseThrow() == NodeState.ALIVE
                        && cluster.node(o).allNodes().stream().anyMatch(n -> n.name().equals("n2") && n.incarnation() > before)),
                Duration.ofSeconds(30), Duration.ofMillis(50));

        assertThat(refuted).as("%s: everyone sees n2 alive with a higher incarnation", cluster).isTrue();
        assertThat(cluster.events().about(SimEvent.Kind.DIED, "n2")).as("%s: nobody declared n2 dead", cluster).isEmpty();
        assertThat(cluster.node("n2").localNode().incarnation()).isGreaterThan(before);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void gracefulLeaveIsRecordedAsLeftEverywhereWithoutSuspicion(long seed) {
        SimCluster cluster = converged(seed);
        long leftAt = cluster.scheduler().nanoTime();
        var leave = cluster.node("n4").leave(Duration.ofSeconds(10));
        cluster.scheduler().runUntil(leave::isDone, Duration.ofSeconds(15));
        assertThat(leave).as("%s", cluster).isCompleted();
        cluster.crash("n4");

        boolean allLeft = cluster.scheduler().runUntil(() -> List.of("n0", "n1", "n2", "n3").stream()
                .allMatch(o -> cluster.stateOf(o, "n4").orElseThrow() == NodeState.LEFT), Duration.ofSeconds(30),
                Duration.ofMillis(10));

        assertThat(allLeft).as("%s: everyone recorded n4 as left", cluster).isTrue();
        assertThat(cluster.events().about(SimEvent.Kind.LEFT, "n4")).filteredOn(e -> !e.observer().equals("n4")).hasSize(4);
        assertThat(cluster.events().about(SimEvent.Kind.DIED, "n4")).isEmpty();
        assertThat(cluster.events().matching(e -> e.kind() == SimEvent.Kind.SUSPECTED && e.subject().equals("n4")
                && e.atNanos() >= leftAt)).as("%s: nobody suspected n4 after it left", cluster).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shutdownTheMomentLeaveCompletesStillSendsTheLastTransmissionOfTheLeave(long seed) {
        // One transmission per broadcast: the leave must reach the network before leave() completes.
        SimCluster cluster = converged(SimCluster.builder().seed(seed).nodes(NODES).config(c -> c.retransmitMult(1)));
        var leave = cluster.node("n4").leave(Duration.ofSeconds(10)).thenRun(() -> cluster.crash("n4"));

        cluster.scheduler().runUntil(leave::isDone, Duration.ofSeconds(15));
        assertThat(leave).as("%s", cluster).isCompleted();
        cluster.runFor(Duration.ofSeconds(1));

        assertThat(List.of("n0", "n1", "n2", "n3")).as("%s: someone heard n4 leave", cluster)
                .anyMatch(o -> cluster.stateOf(o, "n4").orElseThrow() == NodeState.LEFT);
    }

    private static SimCluster converged(long seed) {
        return converged(SimCluster.builder().seed(seed).nodes(NODES));
    }

    private static SimCluster converged(SimCluster.Builder builder) {
        SimCluster cluster = builder.build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();
        return cluster;
    }
}
