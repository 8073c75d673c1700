package dev.memberlist.bench.scale;

import com.sun.management.OperatingSystemMXBean;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.sim.SimCluster;
import dev.memberlist.sim.SimulatedScheduler;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * One harness run: N simulated nodes on the LAN preset come together (see {@link ClusterStart}),
 * run steadily, take in one new node, then lose one node to a crash. Measured: the time to
 * converge (rollout only), the cost of the steady run, how long the new node's alive message and
 * the crashed node's death take to reach every node, and the heap per member.
 *
 * <p>Rollout join strategy: node {@code n0} starts the cluster, then waves join, each as large as
 * the cluster already is (1, 1, 2, 4, … nodes), every joiner through a push/pull with a random node
 * that has already joined, one probe interval after the previous wave's joins completed. No node
 * serves more than a few joins at once, and log2(N) waves reach N.
 */
final class ScaleRun {

    private static final Duration STEP = Duration.ofMillis(10);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration QUEUE_SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final Duration JOIN_LIMIT = Duration.ofMinutes(1);
    private static final Duration CONVERGE_LIMIT = Duration.ofMinutes(10);
    private static final Duration SPREAD_LIMIT = Duration.ofMinutes(5);
    /** CPU time of the whole JVM (GC and JIT threads too): on a shared machine, steadier than wall time. */
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final int nodes;
    private final ClusterStart start;
    private final Duration steady;
    private final long seed;
    private final PrintStream progress;
    private final MemberlistConfig config = MemberlistConfig.lan().name("scale").build();
    private long startWall;
    private long startCpu;

    /**
     * @param nodes the cluster size
     * @param start how the nodes come together
     * @param steady the virtual time of the steady run
     * @param seed the seed of every random choice
     * @param progress where to log each phase
     */
    ScaleRun(int nodes, ClusterStart start, Duration steady, long seed, PrintStream progress) {
        this.nodes = nodes;
        this.start = start;
        this.steady = steady;
        this.seed = seed;
        this.progress = progress;
    }

    /** @return what the run measured */
    ScaleResult run() {
        startWall = System.nanoTime();
        startCpu = PROCESS.getProcessCpuTime();
        long heapBefore = usedHeapAfterGc();
        MemberViews views = new MemberViews(nodes, start == ClusterStart.CONVERGED);
        GossipBacklog backlog = new GossipBacklog();
        SimCluster cluster = SimCluster.builder()
                .seed(seed)
                .nodes(nodes)
                .converged(start == ClusterStart.CONVERGED)
                .config(lan -> lan.queueCheckInterval(QUEUE_SAMPLE_EVERY))
                .checkInvariants(false)
                .eventDelegates(name -> views.newView())
                .telemetry(name -> backlog.newNode())
                .build();
        SimulatedScheduler clock = cluster.scheduler();
        log("%d nodes started (%s)", nodes, start);

        int waves = 0;
        Optional<Duration> converged = Optional.empty();
        Optional<Duration> convergedAfterRamp = Optional.empty();
        if (start == ClusterStart.ROLLOUT) {
            Duration joinStart = clock.elapsed();
            waves = joinInWaves(cluster);
            Duration rampEnd = clock.elapsed();
            log("%d nodes joined in %d waves, %d ms virtual", nodes, waves, rampEnd.minus(joinStart).toMillis());
            if (converge(clock, views, backlog, joinStart)) {
                converged = Optional.of(clock.elapsed().minus(joinStart));
                convergedAfterRamp = Optional.of(clock.elapsed().minus(rampEnd));
            }
            log(converged.isPresent() ? "converged at %d ms virtual" : "%d ms virtual without converging",
                    clock.elapsed().minus(joinStart).toMillis());
        }

        long backlogBefore = backlog.meanDepth();
        long packetsBefore = cluster.network().packetsSent();
        long steadyStart = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        runWithProgress(clock, steady);
        Duration steadyWall = Duration.ofNanos(System.nanoTime() - steadyStart);
        Duration steadyCpu = Duration.ofNanos(PROCESS.getProcessCpuTime() - cpuStart);
        long packets = cluster.network().packetsSent() - packetsBefore;
        long backlogAfter = backlog.meanDepth();
        log("steady %d s virtual in %.1f s wall, %.1f s CPU; gossip backlog %d broadcasts per node before, %d after",
                steady.toSeconds(), steadyWall.toNanos() / 1e9, steadyCpu.toNanos() / 1e9, backlogBefore,
                backlogAfter);

        long heapPerMember = (usedHeapAfterGc() - heapBefore) / nodes;
        SplittableRandom picks = new SplittableRandom(seed);

        String newcomer = "n" + nodes;
        Duration joinAt = clock.elapsed();
        cluster.start(newcomer, nodes);
        CompletableFuture<Integer> joined = cluster.join(newcomer, "n" + picks.nextInt(nodes));
        boolean joinSpread = clock.runUntil(() -> joined.isDone() && views.joinsOf(newcomer) == nodes + 1,
                SPREAD_LIMIT, STEP);
        Duration joinSpreadTime = clock.elapsed().minus(joinAt);
        log(joinSpread ? "%s known to every node %d ms virtual after its join began"
                : "%s not known everywhere %d ms virtual after its join began", newcomer, joinSpreadTime.toMillis());

        String victim = "n" + (1 + picks.nextInt(nodes - 1));
        Duration crashAt = clock.elapsed();
        cluster.crash(victim);
        boolean deathSpread = clock.runUntil(() -> views.deathsOf(victim) == nodes, SPREAD_LIMIT, STEP);
        Duration deathSpreadTime = clock.elapsed().minus(crashAt);
        log(deathSpread ? "death of %s reached every node after %d ms virtual"
                : "death of %s not everywhere after %d ms virtual", victim, deathSpreadTime.toMillis());

        long packetsPerSecond = steady.isZero() ? 0 : packets * 1_000_000_000L / steady.toNanos();
        return new ScaleResult(nodes, start, waves, converged, convergedAfterRamp, steady, steadyWall, steadyCpu,
                backlogBefore, backlogAfter, packetsPerSecond, heapPerMember,
                joinSpread ? Optional.of(joinSpreadTime) : Optional.empty(),
                deathSpread ? Optional.of(deathSpreadTime) : Optional.empty(), views.deathsExcept(victim),
                GossipBounds.of(config, nodes), Duration.ofNanos(System.nanoTime() - startWall));
    }

    /** Runs until every node sees all N, logging progress every ten virtual seconds. */
    private boolean converge(SimulatedScheduler clock, MemberViews views, GossipBacklog backlog, Duration joinStart) {
        Duration limit = clock.elapsed().plus(CONVERGE_LIMIT);
        while (!views.converged() && clock.elapsed().compareTo(limit) < 0) {
            Duration remaining = limit.minus(clock.elapsed());
            Duration chunk = remaining.compareTo(PROGRESS_EVERY) < 0 ? remaining : PROGRESS_EVERY;
            if (!clock.runUntil(views::converged, chunk, STEP)) {
                Runtime runtime = Runtime.getRuntime();
                log("%d ms virtual: %d of %d nodes see everyone; gossip backlog %d per node; heap %d MiB",
                        clock.elapsed().minus(joinStart).toMillis(), views.complete(), nodes, backlog.meanDepth(),
                        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
            }
        }
        return views.converged();
    }

    /** Runs for the given virtual time, logging progress every ten virtual seconds. */
    private void runWithProgress(SimulatedScheduler clock, Duration duration) {
        Duration end = clock.elapsed().plus(duration);
        while (clock.elapsed().compareTo(end) < 0) {
            Duration remaining = end.minus(clock.elapsed());
            clock.runFor(remaining.compareTo(PROGRESS_EVERY) < 0 ? remaining : PROGRESS_EVERY);
            if (clock.elapsed().compareTo(end) < 0) {
                log("steady run at %d of %d s virtual", duration.minus(end.minus(clock.elapsed())).toSeconds(),
                        duration.toSeconds());
            }
        }
    }

    private int joinInWaves(SimCluster cluster) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        List<String> joined = new ArrayList<>(List.of("n0"));
        int waves = 0;
        while (joined.size() < nodes) {
            if (waves > 0) {
                cluster.runFor(config.probeInterval());
            }
            int first = joined.size();
            int size = Math.min(joined.size(), nodes - first);
            List<CompletableFuture<Integer>> joins = new ArrayList<>(size);
            for (int i = first; i < first + size; i++) {
                joins.add(cluster.join("n" + i, joined.get(random.nextInt(joined.size()))));
            }
            boolean joinsDone = cluster.scheduler().runUntil(
                    () -> joins.stream().allMatch(CompletableFuture::isDone), JOIN_LIMIT, STEP);
            if (!joinsDone) {
                throw new IllegalStateException("wave " + waves + " did not finish joining within " + JOIN_LIMIT
                        + " (seed " + cluster.seed() + ")");
            }
            for (int i = 0; i < size; i++) {
                joins.get(i).join();
                joined.add("n" + (first + i));
            }
            waves++;
        }
        return waves;
    }

    private void log(String format, Object... args) {
        progress.printf(Locale.ROOT, "[N=%d] %s (run so far: %.0f s wall, %.0f s CPU)%n", nodes,
                String.format(Locale.ROOT, format, args), (System.nanoTime() - startWall) / 1e9,
                (PROCESS.getProcessCpuTime() - startCpu) / 1e9);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
