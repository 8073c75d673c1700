package dev.memberlist.bench.streams;

import dev.memberlist.bench.CommandLine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the harness measures.
 *
 * @param members push/pull sizes, in members
 * @param freshNodes how many fresh nodes each time their first exchange
 * @param warmup exchanges before measuring
 * @param exchanges measured exchanges, one after another
 * @param inFlight exchanges at once for the throughput figure
 */
record StreamLatencyOptions(List<Integer> members, int freshNodes, int warmup, int exchanges, int inFlight) {

    static final String USAGE = "usage: StreamLatencyBench [--members 8,128,1024] [--fresh 10] [--warmup 500] "
            + "[--exchanges 2000] [--in-flight 8]";

    static StreamLatencyOptions parse(String... args) {
        List<Integer> members = List.of(8, 128, 1024);
        int fresh = 10;
        int warmup = 500;
        int exchanges = 2000;
        int inFlight = 8;
        for (Map.Entry<String, String> flag : CommandLine.flags(args)) {
            switch (flag.getKey()) {
                case "--members" -> members = Arrays.stream(flag.getValue().split(",")).map(String::strip)
                        .map(Integer::parseInt).toList();
                case "--fresh" -> fresh = Integer.parseInt(flag.getValue());
                case "--warmup" -> warmup = Integer.parseInt(flag.getValue());
                case "--exchanges" -> exchanges = Integer.parseInt(flag.getValue());
                case "--in-flight" -> inFlight = Integer.parseInt(flag.getValue());
                default -> throw new IllegalArgumentException("unknown flag " + flag.getKey());
            }
        }
        if (members.isEmpty() || fresh < 1 || warmup < 0 || exchanges < 1 || inFlight < 1) {
            throw new IllegalArgumentException("members, fresh, exchanges and in-flight must be positive");
        }
        return new StreamLatencyOptions(members, fresh, warmup, exchanges, inFlight);
    }
}
