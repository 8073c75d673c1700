package dev.memberlist.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fault suite's run on a {@link SimCluster}: it injects crashes and restarts while remembering
 * when each node was down, measures how long the cluster takes to converge and how many datagrams
 * each node sends, checks the suite's invariants, and prints a one-line report.
 *
 * <p>The invariants: no node that stayed up is declared dead (a death is false unless its subject
 * crashed within the detection window before it, or the suite allows it, as across a partition);
 * every running node sees exactly the running nodes alive within a stated bound; and the datagrams
 * sent per node per second stay within a stated bound.
 */
final class FaultRun {

    private final String name;
    private final SimCluster cluster;
    private final long startNanos;
    private final long startPackets;
    private final Map<String, List<Long>> crashes = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Long> slowestConvergence = new LinkedHashMap<>();
    private final Map<String, Duration> convergenceBounds = new HashMap<>();

    /**
     * @param name the suite's name, for the report
     * @param cluster a converged cluster; measurement starts now
     */
    FaultRun(String name, SimCluster cluster) {
        this.name = name;
        this.cluster = cluster;
        this.startNanos = cluster.scheduler().nanoTime();
        this.startPackets = cluster.network().packetsSent();
    }

    /** @param node a node to crash (no leave), remembered as down from now */
    void crash(String node) {
        crashes.computeIfAbsent(node, k -> new ArrayList<>()).add(cluster.scheduler().nanoTime());
        cluster.crash(node);
    }

    /**
     * Starts a crashed node again under its name, fresh (incarnation 1), and joins it through a seed.
     *
     * @param node the node
     * @param addressIndex its address, the old one or a new one
     * @param seed the running node it joins through
     */
    void restart(String node, int addressIndex, String seed) {
        cluster.start(node, addressIndex);
        cluster.join(node, seed);
    }

    /**
     * Runs until every running node sees exactly the running nodes alive, and asserts it happened
     * within the bound.
     *
     * @param bound the stated bound, from now
     * @param what what the bound covers, for the report
     */
    void assertConvergesWithin(Duration bound, String what) {
        long from = cluster.scheduler().nanoTime();
        boolean converged = cluster.awaitConvergence(bound);
        assertThat(converged).as("%s %s: %s converged within %s", name, cluster, what, bound).isTrue();
        slowestConvergence.merge(what, cluster.scheduler().nanoTime() - from, Math::max);
        convergenceBounds.put(what, bound);
    }

    /**
     * Asserts that no death was declared about a node that had not crashed within the window before.
     *
     * @param detectionWindow the longest a true death may lag behind its crash
     * @param allowed deaths the suite expects although the subject stayed up (as across a partition)
     */
    void assertNoFalseDeaths(Duration detectionWindow, Predicate<SimEvent> allowed) {
        List<SimEvent> falseDeaths = cluster.events().matching(e -> e.kind() == SimEvent.Kind.DIED
                && e.atNanos() >= startNanos && !crashedWithin(e.subject(), e.atNanos(), detectionWindow)
                && !allowed.test(e));
        assertThat(falseDeaths).as("%s %s: deaths of nodes that stayed up", name, cluster).isEmpty();
        long deaths = cluster.events().matching(e -> e.kind() == SimEvent.Kind.DIED && e.atNanos() >= startNanos).size();
        notes.add(deaths + " deaths reported, none false");
    }

    /**
     * Asserts the average datagrams sent per node per second since the run started.
     *
     * @param nodes the cluster size to average over
     * @param bound the stated bound
     */
    void assertPacketRateAtMost(int nodes, double bound) {
        double seconds = (cluster.scheduler().nanoTime() - startNanos) / 1e9;
        double rate = (cluster.network().packetsSent() - startPackets) / (nodes * seconds);
        assertThat(rate).as("%s %s: datagrams per node per second", name, cluster).isLessThanOrEqualTo(bound);
        notes.add(String.format(Locale.ROOT, "%.1f datagrams/node/s (bound %.0f)", rate, bound));
    }

    /** Prints the report: the suite, its seed, virtual time, and what each check measured. */
    void report() {
        List<String> lines = new ArrayList<>();
        slowestConvergence.forEach((what, nanos) -> lines.add(String.format(Locale.ROOT,
                "%s converged in %.1f s at most (bound %d s)", what, nanos / 1e9, convergenceBounds.get(what).toSeconds())));
        lines.addAll(notes);
        System.out.printf(Locale.ROOT, "[fault suite] %s (seed %d, %.0f s virtual): %s%n", name, cluster.seed(),
                (cluster.scheduler().nanoTime() - startNanos) / 1e9, String.join("; ", lines));
    }

    private boolean crashedWithin(String node, long atNanos, Duration window) {
        for (long crashedAt : crashes.getOrDefault(node, List.of())) {
            if (crashedAt <= atNanos && atNanos - crashedAt <= window.toNanos()) {
                return true;
            }
        }
        return false;
    }
}
