package dev.memberlist.bench.scale;

import dev.memberlist.bench.CommandLine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The harness's command line: {@code --nodes 1000,10000 --start converged --virtual 60s --seed 1}.
 *
 * @param nodes the cluster sizes to run, one after another
 * @param start how the nodes come together
 * @param steady the virtual time of the steady run after convergence
 * @param seed the seed of every random choice; the same seed replays the same run
 */
record ScaleOptions(List<Integer> nodes, ClusterStart start, Duration steady, long seed) {

    static final String USAGE =
            "usage: ScaleHarness [--nodes 1000,10000] [--start converged|rollout] [--virtual 60s] [--seed 1]";

    /** Validates the fields. */
    ScaleOptions {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(start, "start");
        if (nodes.isEmpty() || nodes.stream().anyMatch(n -> n < 2 || n > 65_536)) {
            throw new IllegalArgumentException("--nodes needs sizes from 2 to 65536: " + nodes);
        }
        if (steady.isNegative()) {
            throw new IllegalArgumentException("--virtual must not be negative: " + steady);
        }
    }

    /**
     * @param args the command line
     * @return the options, defaults for what is not given
     * @throws IllegalArgumentException on an unknown flag or a bad value
     */
    static ScaleOptions parse(String... args) {
        List<Integer> nodes = List.of(1_000, 10_000);
        ClusterStart start = ClusterStart.CONVERGED;
        Duration steady = Duration.ofSeconds(60);
        long seed = 1;
        for (Map.Entry<String, String> flag : CommandLine.flags(args)) {
            String value = flag.getValue();
            switch (flag.getKey()) {
                case "--nodes" -> nodes = sizes(value);
                case "--start" -> start = ClusterStart.parse(value);
                case "--virtual" -> steady = CommandLine.duration(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag.getKey());
            }
        }
        return new ScaleOptions(nodes, start, steady, seed);
    }

    private static List<Integer> sizes(String value) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : value.split(",")) {
            sizes.add(Integer.parseInt(size.strip().replace("_", "")));
        }
        return sizes;
    }
}
