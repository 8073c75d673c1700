package dev.memberlist.sim;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.wire.Suspect;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hard faults on a ten-node LAN cluster (probe 1 s, gossip 200 ms, push/pull 30 s, gossip to the
 * dead 30 s, reconnect 30 s), each with a printed report and three asserted invariants: no false
 * deaths, convergence to the true membership within a stated bound, and a bounded datagram rate.
 * Fixed seeds; each suite takes a few hundred virtual seconds and about a second of wall time.
 */
class FaultSuiteSimulationTest {

    private static final int NODES = 10;
    /** The longest a true death may lag behind its crash: a probe pass, the longest suspicion, gossip. */
    private static final Duration DETECTION = Duration.ofSeconds(45);
    /** Datagrams per node per second, averaged over a suite: a probe, its ack, gossip while anything is queued. */
    private static final double PACKET_RATE = 20;

    @Test
    void massRestartOfEveryNodeConvergesAlthoughPeersHoldTheRestartedNodesDeadAtHigherIncarnations() {
        SimCluster cluster = converged(71, UnaryOperator.identity());
        // Every node refutes once at a high incarnation, so its peers will hold it dead at 41 while
        // it comes back at 1 (Go PR #345).
        SimIntruder intruder = new SimIntruder(cluster, 200);
        for (String node : cluster.names()) {
            intruder.sendPacket(cluster.address(node), new Suspect(40, node, "intruder"));
        }
        cluster.runFor(Duration.ofSeconds(5));
        assertThat(cluster.node("n0").members()).allMatch(n -> n.incarnation() == 41);
        FaultRun run = new FaultRun("mass restart", cluster);

        // Each node goes down at a random moment of a 20 s window and is back 8 s later, joining
        // through a random other node that may be fresh itself; the restarts outlast detection.
        Random random = new Random(71);
        List<String> order = new ArrayList<>(cluster.names());
        Collections.shuffle(order, random);
        long[] downAt = new long[NODES];
        for (int i = 0; i < NODES; i++) {
            downAt[i] = random.nextInt(20_000);
        }
        Arrays.sort(downAt);
        long now = 0;
        int crashed = 0;
        int restarted = 0;
        while (restarted < NODES) {
            long nextCrash = crashed < NODES ? downAt[crashed] : Long.MAX_VALUE;
            long nextRestart = downAt[restarted] + 8_000;
            long next = Math.min(nextCrash, nextRestart);
            cluster.runFor(Duration.ofMillis(next - now));
            now = next;
            if (next == nextCrash) {
                run.crash(order.get(crashed++));
            } else {
                String node = order.get(restarted++);
                List<String> seeds = new ArrayList<>(cluster.running());
                if (seeds.isEmpty()) {
                    cluster.start(node, cluster.names().indexOf(node));
                } else {
                    run.restart(node, cluster.names().indexOf(node), seeds.get(random.nextInt(seeds.size())));
                }
            }
        }

        run.assertConvergesWithin(Duration.ofSeconds(120), "after the last restart");
        assertInvariantsAndReport(run, e -> false);
    }

    @Test
    void rollingRestartOfEveryNodeConvergesAfterEachRestart() {
        SimCluster cluster = converged(72, UnaryOperator.identity());
        FaultRun run = new FaultRun("rolling restart", cluster);
        List<String> names = cluster.names();

        for (int i = 0; i < NODES; i++) {
            String node = names.get(i);
            run.crash(node);
            cluster.runFor(Duration.ofSeconds(2));
            run.restart(node, i, names.get((i + 1) % NODES));
            run.assertConvergesWithin(Duration.ofSeconds(15), "each restart");
            cluster.runFor(Duration.ofSeconds(5));
        }

        assertInvariantsAndReport(run, e -> false);
    }

    // Go issue #157: a node back under its name at a new address.
    @Test
    void nodeRestartedAtANewAddressIsAcceptedAtOnceWhenDeadNodeReclaimIsOn() {
        SimCluster cluster = converged(73, c -> c.deadNodeReclaimTime(Duration.ofSeconds(1)));
        FaultRun run = new FaultRun("new address, reclaim on", cluster);
        run.crash("n3");
        awaitEveryoneSees(cluster, "n3", NodeState.DEAD, DETECTION);

        // Go takes the new address once the entry has been dead for longer than the reclaim time.
        cluster.runFor(Duration.ofSeconds(2));

        run.restart("n3", 33, "n0");

        run.assertConvergesWithin(Duration.ofSeconds(5), "after the restart");
        assertThat(cluster.running()).allSatisfy(observer -> assertThat(cluster.node(observer).members())
                .filteredOn(n -> n.name().equals("n3")).singleElement().extracting(Node::socketAddress)
                .isEqualTo(SimulatedNetwork.address(33)));
        assertInvariantsAndReport(run, e -> false);
    }

    // Go issue #157, with Go's default (no reclaim): a node that left is taken back at once.
    @Test
    void nodeThatLeftAndRestartedAtANewAddressIsAcceptedAtOnceByDefault() {
        SimCluster cluster = converged(74, UnaryOperator.identity());
        FaultRun run = new FaultRun("new address after leave, Go default", cluster);
        var leave = cluster.node("n3").leave(Duration.ofSeconds(5));
        cluster.scheduler().runUntil(leave::isDone, Duration.ofSeconds(6));
        run.crash("n3");
        awaitEveryoneSees(cluster, "n3", NodeState.LEFT, Duration.ofSeconds(10));

        run.restart("n3", 33, "n0");

        run.assertConvergesWithin(Duration.ofSeconds(5), "after the restart");
        // With eager gossip the whole suite takes half a second (123 datagrams; 15.6 per node per second
        // over a second at Go's timing): the rate is averaged over a few settled seconds as well.
        cluster.runFor(Duration.ofSeconds(5));
        assertInvariantsAndReport(run, e -> false);
    }

    // Go issue #157, with Go's default (no reclaim): a dead node's name stays with its old address
    // (a conflict) until the dead entry is forgotten after the gossip-to-the-dead time.
    @Test
    void nodeRestartedAtANewAddressIsRefusedWhileItsDeadEntryIsRememberedByDefault() {
        SimCluster cluster = converged(75, UnaryOperator.identity());
        FaultRun run = new FaultRun("new address after crash, Go default", cluster);
        run.crash("n3");
        awaitEveryoneSees(cluster, "n3", NodeState.DEAD, DETECTION);

        run.restart("n3", 33, "n0");
        cluster.runFor(Duration.ofSeconds(10));

        List<String> others = cluster.running().stream().filter(name -> !name.equals("n3")).toList();
        assertThat(others).as("%s: nobody takes n3's new address while its dead entry is fresh", cluster)
                .allSatisfy(observer -> assertThat(cluster.node(observer).members())
                        .noneMatch(n -> n.name().equals("n3")));
        assertThat(cluster.events().about(SimEvent.Kind.CONFLICT, "n3")).as("%s", cluster).isNotEmpty();
        run.assertConvergesWithin(Duration.ofSeconds(60), "once the dead entry is forgotten");
        assertInvariantsAndReport(run, e -> false);
    }

    @Test
    void asymmetricPartitionWhereOneNodeIsNotHeardByTwoOthersKillsNobody() {
        SimCluster cluster = converged(76, UnaryOperator.identity());
        FaultRun run = new FaultRun("asymmetric partition", cluster);

        // n1 and n2 stop hearing n0, which still hears them; indirect probes go around the cut.
        cluster.partitionOneWay(List.of("n0"), List.of("n1", "n2"));
        cluster.runFor(Duration.ofSeconds(90));
        cluster.heal();

        run.assertConvergesWithin(Duration.ofSeconds(15), "after healing");
        assertInvariantsAndReport(run, e -> false);
    }

    @Test
    void flappingLinkKillsNobody() {
        SimCluster cluster = converged(77, UnaryOperator.identity());
        FaultRun run = new FaultRun("flapping link", cluster);

        for (int flap = 0; flap < 30; flap++) {
            cluster.partition(List.of("n0"), List.of("n1"));
            cluster.runFor(Duration.ofSeconds(2));
            cluster.heal();
            cluster.runFor(Duration.ofSeconds(1));
        }

        run.assertConvergesWithin(Duration.ofSeconds(15), "after the link settles");
        assertInvariantsAndReport(run, e -> false);
    }

    @Test
    void thirtyPercentOfTheNodesCrashingAtOnceAreDeclaredDeadByTheRest() {
        SimCluster cluster = converged(78, UnaryOperator.identity());
        FaultRun run = new FaultRun("30 % crash", cluster);

        for (String node : List.of("n2", "n5", "n8")) {
            run.crash(node);
        }

        run.assertConvergesWithin(DETECTION, "after the crash");
        cluster.runFor(Duration.ofSeconds(30));
        assertInvariantsAndReport(run, e -> false);
    }

    @Test
    void partitionLongerThanTheGossipToTheDeadTimeHealsByItself() {
        SimCluster cluster = converged(79, UnaryOperator.identity());
        FaultRun run = new FaultRun("long partition", cluster);
        Set<String> left = Set.of("n0", "n1", "n2", "n3", "n4");
        List<String> right = cluster.names().stream().filter(name -> !left.contains(name)).toList();

        cluster.partition(left, right);
        cluster.runFor(Duration.ofSeconds(120));
        assertThat(cluster.node("n0").allNodes()).as("%s: the halves forgot each other", cluster)
                .extracting(Node::name).containsExactlyInAnyOrderElementsOf(left);
        cluster.heal();

        // The reconnect loop retries one forgotten node every 30 s on every node.
        run.assertConvergesWithin(Duration.ofSeconds(75), "after healing");
        assertInvariantsAndReport(run, e -> left.contains(e.observer()) != left.contains(e.subject()));
    }

    /** No false deaths (besides those allowed), the datagram rate within its bound, and the report. */
    private static void assertInvariantsAndReport(FaultRun run, Predicate<SimEvent> allowedDeaths) {
        run.assertNoFalseDeaths(DETECTION, allowedDeaths);
        run.assertPacketRateAtMost(NODES, PACKET_RATE);
        run.report();
    }

    private static void awaitEveryoneSees(SimCluster cluster, String subject, NodeState state, Duration limit) {
        boolean seen = cluster.scheduler().runUntil(() -> cluster.running().stream()
                .allMatch(observer -> cluster.stateOf(observer, subject).orElseThrow() == state),
                limit, Duration.ofMillis(100));
        assertThat(seen).as("%s: everyone sees %s %s", cluster, subject, state).isTrue();
    }

    private static SimCluster converged(long seed, UnaryOperator<MemberlistConfig.Builder> config) {
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(NODES).converged(true).config(config).build();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(10))).as("%s converged", cluster).isTrue();
        return cluster;
    }
}
