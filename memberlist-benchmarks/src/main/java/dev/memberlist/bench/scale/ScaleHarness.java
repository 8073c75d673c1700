package dev.memberlist.bench.scale;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs memberlist at simulated scale (thousands of nodes on one virtual clock and an in-memory
 * network, through the core's simulation kit) and prints, per cluster size, the virtual time to
 * spread one join and one death (and to converge, after a rollout), against the O(log N) bounds,
 * with the wall time per virtual second and the heap per member. Not part of the build's tests;
 * run it from the shaded jar:
 *
 * <pre>
 * java -Xmx8g -cp memberlist-benchmarks/target/benchmarks.jar dev.memberlist.bench.scale.ScaleHarness \
 *     --nodes 1000,10000 --start converged --virtual 60s
 * </pre>
 */
public final class ScaleHarness {

    private ScaleHarness() {
    }

    /**
     * @param args {@code --nodes 1000,10000 --start converged --virtual 60s --seed 1}
     */
    public static void main(String[] args) {
        ScaleOptions options;
        try {
            options = ScaleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ScaleOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "JDK %s (%s), %d processors, max heap %d MiB, seed %d%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.availableProcessors(),
                runtime.maxMemory() >> 20, options.seed());
        List<ScaleResult> results = new ArrayList<>();
        for (int nodes : options.nodes()) {
            ScaleResult result = new ScaleRun(nodes, options.start(), options.steady(), options.seed(), out).run();
            out.printf(Locale.ROOT, "[N=%d] whole run %.1f s wall%n", nodes, result.totalWall().toNanos() / 1e9);
            results.add(result);
        }
        out.println();
        out.print(ScaleTable.format(results));
    }
}
