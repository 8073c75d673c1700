package dev.memberlist.netns;

import dev.memberlist.interop.RestartableNode;
import dev.memberlist.interop.Timings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.memberlist.interop.RestartableNode.Kind.GO;
import static dev.memberlist.interop.RestartableNode.Kind.JAVA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Go and Java nodes on five hosts of their own (network namespaces joined by a bridge), with LAN
 * timings: convergence across hosts, ten percent loss and a jittery delay on every link, a host cut off
 * and restored.
 * Each scenario prints its figures and asserts them against stated bounds.
 */
class MultiHostIT {

    private static final Timings TIMINGS = Timings.LAN;
    /** Every node probes every other within two rounds of five; the longest suspicion of a cluster of five is 24 s. */
    private static final Duration DETECTION_BOUND = Duration.ofSeconds(2 * 5 + 24);
    /** Each way of every link: a round trip of 30 to 50 ms, a tenth of the probe timeout at most. */
    private static final LinkDelay DELAY = LinkDelay.uniform(Duration.ofMillis(20), Duration.ofMillis(5));

    private NetworkLab lab;
    private LabCluster cluster;

    @BeforeEach
    void makeLab(TestInfo test) {
        lab = NetworkLab.create(5);
        cluster = new LabCluster(lab, TIMINGS, "MultiHostIT." + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void tearDown() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void goAndJavaNodesOnFiveHostsConvergeAndRideOutTenPercentLossAndJitteryDelayForTwoMinutes() {
        List<RestartableNode> nodes = startMixedCluster();
        Duration converged = cluster.awaitConverged(Duration.ofSeconds(30), nodes);
        System.out.printf("multi-host: 5 nodes (2 Go, 3 Java) on 5 hosts converged %d ms after the last start%n",
                converged.toMillis());

        lab.loss(10);
        lab.delay(DELAY);
        Duration hold = Duration.ofMinutes(2);
        await("no node declared dead under 10 % loss and delay").during(hold).atMost(hold.plusSeconds(10))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(cluster.events("leave"))
                        .as("deaths, with the suspicions before them: %s", cluster.events("suspect")).isEmpty());
        lab.loss(0);

        List<String> suspicions = cluster.events("suspect");
        Duration reconverged = cluster.awaitConverged(Duration.ofSeconds(30), nodes);
        System.out.printf("multi-host: 2 min at 10 %% loss and %d ms ± %d ms delay each way on every link: 0 deaths, "
                + "%d suspicions %s; converged %d ms after the loss ended, delay still on%n", DELAY.mean().toMillis(),
                DELAY.jitter().toMillis(), suspicions.size(), suspicions, reconverged.toMillis());
        assertThat(cluster.events("leave")).as("false deaths").isEmpty();
        assertThat(suspicions.size()).as("suspicions in two minutes of 10 %% loss and delay (each refuted)").isLessThan(20);
    }

    @Test
    void aHostCutOffIsDeclaredDeadAndMergesBackWhenRestored() {
        List<RestartableNode> nodes = startMixedCluster();
        cluster.awaitConverged(Duration.ofSeconds(30), nodes);
        RestartableNode victim = nodes.get(4);
        List<RestartableNode> survivors = nodes.subList(0, 4);

        long cutAt = System.currentTimeMillis();
        lab.cut(lab.host(5));
        await(victim.name() + " declared dead by every survivor").atMost(DETECTION_BOUND)
                .pollInterval(Duration.ofMillis(200)).until(() -> survivors.stream().allMatch(s ->
                        s.process().find(e -> "leave".equals(e.get("event")) && victim.name().equals(e.get("node"))).isPresent()));
        long lastDeath = survivors.stream().mapToLong(s -> (Long) s.process().find(e -> "leave".equals(e.get("event"))
                && victim.name().equals(e.get("node"))).orElseThrow().get("t")).max().orElseThrow();
        Duration detection = Duration.ofMillis(lastDeath - cutAt);

        lab.restore(lab.host(5));
        Duration merged = cluster.awaitConverged(Duration.ofSeconds(60), nodes);
        System.out.printf("multi-host: h5 cut off: dead on every survivor after %d ms (bound %d s); "
                + "after the link came back the halves merged in %d ms%n",
                detection.toMillis(), DETECTION_BOUND.toSeconds(), merged.toMillis());
        assertThat(detection).isLessThanOrEqualTo(DETECTION_BOUND);
    }

    @Test
    void aNodeBackOnANewAddressUnderItsNameIsTakenIn() {
        String reclaim = "-dead-node-reclaim-time=1s";
        RestartableNode first = cluster.start(JAVA, lab.host(1), reclaim);
        List<RestartableNode> nodes = new ArrayList<>(List.of(first));
        for (int i = 2; i <= 5; i++) {
            nodes.add(cluster.start(JAVA, lab.host(i), reclaim, "-join", LabCluster.seed(lab.host(1))));
        }
        cluster.awaitConverged(Duration.ofSeconds(30), nodes);

        RestartableNode moving = nodes.get(4);
        LabHost moved = lab.host(5);
        moving.leave();
        moved = lab.readdress(moved, 15);
        List<RestartableNode> others = nodes.subList(0, 4);
        await("every other node saw h5 leave").atMost(Duration.ofSeconds(30)).until(() -> others.stream().allMatch(n ->
                n.process().find(e -> "leave".equals(e.get("event")) && "h5".equals(e.get("node"))).isPresent()));
        long lastLeaveMillis = others.stream().mapToLong(n -> (Long) n.process().find(e -> "leave".equals(e.get("event"))
                && "h5".equals(e.get("node"))).orElseThrow().get("t")).max().orElseThrow();
        await("the reclaim time has passed since the last node saw the leave").atMost(Duration.ofSeconds(5))
                .until(() -> System.currentTimeMillis() > lastLeaveMillis + 1_500);
        long restartedAt = System.nanoTime();
        moving.startAgain(cluster.placement(moved), reclaim, "-join", LabCluster.seed(lab.host(1)));

        Duration rejoined = cluster.awaitConverged(Duration.ofSeconds(30), nodes);
        String newAddress = moved.address() + ":" + LabCluster.PORT;
        await("every node lists h5 at its new address").atMost(Duration.ofSeconds(30)).until(() -> nodes.stream()
                .allMatch(n -> n.process().members().stream().anyMatch(m -> "h5".equals(m.get("name"))
                        && newAddress.equals(m.get("addr")))));
        System.out.printf("multi-host: h5 back at %s under its name: listed by all %d ms after its restart%n",
                newAddress, Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
        assertThat(rejoined).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void nodesOnTwoClustersWithOtherLabelsShareSeedsButStayApart() {
        String seeds = LabCluster.seed(lab.host(1)) + "," + LabCluster.seed(lab.host(3));
        RestartableNode blue1 = cluster.start(JAVA, lab.host(1), "-label", "blue");
        RestartableNode green1 = cluster.start(JAVA, lab.host(3), "-label", "green");
        RestartableNode blue2 = cluster.start(JAVA, lab.host(2), "-label", "blue", "-join", seeds);
        RestartableNode green2 = cluster.start(JAVA, lab.host(4), "-label", "green", "-join", seeds);

        assertThat(blue2.process().await("joined").get("joined")).as("seeds blue2 reached").isEqualTo(1L);
        assertThat(green2.process().await("joined").get("joined")).as("seeds green2 reached").isEqualTo(1L);
        cluster.awaitConverged(Duration.ofSeconds(30), List.of(blue1, blue2));
        cluster.awaitConverged(Duration.ofSeconds(30), List.of(green1, green2));
    }

    /** h1, h3 Go and h2, h4, h5 Java, each joining h1. */
    private List<RestartableNode> startMixedCluster() {
        RestartableNode seed = cluster.start(GO, lab.host(1));
        String join = LabCluster.seed(lab.host(1));
        return List.of(seed,
                cluster.start(JAVA, lab.host(2), "-join", join),
                cluster.start(GO, lab.host(3), "-join", join),
                cluster.start(JAVA, lab.host(4), "-join", join),
                cluster.start(JAVA, lab.host(5), "-join", join));
    }
}
