package dev.memberlist.bench.sidebyside;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The steady state of a converged cluster over a window: CPU and RSS per node from {@code /proc}, the
 * traffic each peer counts itself ({@code stats}: {@code udp_pkts}, {@code udp_bytes}, {@code tcp_bytes}),
 * and an empty JVM's CPU and RSS over the same window beside them.
 */
final class IdleWindow {

    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);
    private static final double MIB = 1024.0 * 1024.0;

    private IdleWindow() {
    }

    /**
     * @param cluster a converged cluster; every node runs
     * @param emptyJvmPid the PID of a JVM that only sleeps
     * @param window how long to measure
     * @param figures where the figures go
     */
    static void measure(LocalCluster cluster, long emptyJvmPid, Duration window, RunFigures figures) {
        int n = cluster.size();
        long[] cpuBefore = new long[n];
        NodeEvent[] statsBefore = new NodeEvent[n];
        long startNanos = System.nanoTime();
        long emptyBefore = ProcFs.cpuMillis(emptyJvmPid).orElse(-1);
        for (int i = 0; i < n; i++) {
            cpuBefore[i] = ProcFs.cpuMillis(cluster.pid(i)).orElse(-1);
            statsBefore[i] = cluster.request(i, "stats", "stats", STATS_TIMEOUT).orElse(null);
        }
        cluster.idle(window);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long cpu = 0;
        long rss = 0;
        long[] traffic = new long[3];
        boolean[] counted = {true, true, true};
        String[] keys = {"udp_pkts", "udp_bytes", "tcp_bytes"};
        for (int i = 0; i < n; i++) {
            cpu += ProcFs.cpuMillis(cluster.pid(i)).orElse(cpuBefore[i]) - cpuBefore[i];
            rss += ProcFs.rssBytes(cluster.pid(i)).orElse(0);
            Optional<NodeEvent> after = cluster.request(i, "stats", "stats", STATS_TIMEOUT);
            for (int k = 0; k < keys.length; k++) {
                OptionalLong delta = delta(statsBefore[i], after, keys[k]);
                counted[k] &= delta.isPresent();
                traffic[k] += delta.orElse(0);
            }
        }
        figures.put(Figure.IDLE_CPU, cpu / seconds / n);
        figures.put(Figure.RSS, rss / MIB / n);
        Figure[] trafficFigures = {Figure.UDP_PACKETS, Figure.UDP_BYTES, Figure.TCP_BYTES};
        for (int k = 0; k < keys.length; k++) {
            if (counted[k]) {
                figures.put(trafficFigures[k], traffic[k] / seconds / n);
            }
        }
        OptionalLong emptyAfter = ProcFs.cpuMillis(emptyJvmPid);
        if (emptyBefore >= 0 && emptyAfter.isPresent()) {
            figures.put(Figure.EMPTY_JVM_CPU, (emptyAfter.getAsLong() - emptyBefore) / seconds);
            ProcFs.rssBytes(emptyJvmPid).ifPresent(bytes -> figures.put(Figure.EMPTY_JVM_RSS, bytes / MIB));
        }
    }

    private static OptionalLong delta(NodeEvent before, Optional<NodeEvent> after, String key) {
        if (before == null || after.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<Long> from = before.number(key);
        Optional<Long> to = after.get().number(key);
        return from.isPresent() && to.isPresent() ? OptionalLong.of(to.get() - from.get()) : OptionalLong.empty();
    }
}
