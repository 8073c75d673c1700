package dev.memberlist.bench.streams;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares the stream layers on push/pull latency between two transports on loopback: TCP (Go's
 * way), TCP with mutual TLS (a handshake per stream) and QUIC (one connection per peer, a stream per
 * exchange), for push/pull states of several cluster sizes. Prints a Markdown table: the first
 * exchange of a fresh node (connecting included), the steady-state median and p99 one exchange at a
 * time, and exchanges per second with several in flight. Not part of the build's tests (a smoke test
 * runs it with tiny counts); run it from the shaded jar:
 *
 * <pre>
 * java -cp memberlist-benchmarks/target/benchmarks.jar dev.memberlist.bench.streams.StreamLatencyBench \
 *     --members 8,128,1024 --fresh 10 --warmup 500 --exchanges 2000 --in-flight 8
 * </pre>
 */
public final class StreamLatencyBench {

    private StreamLatencyBench() {
    }

    /** @param args see {@link StreamLatencyOptions#USAGE} */
    public static void main(String[] args) {
        StreamLatencyOptions options;
        try {
            options = StreamLatencyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(StreamLatencyOptions.USAGE);
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    static List<StreamLatencyResult> run(StreamLatencyOptions options, PrintStream out) {
        out.printf(Locale.ROOT, "JDK %s, %d processors; %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), options);
        List<StreamLatencyResult> results = new ArrayList<>();
        for (int members : options.members()) {
            PushPullPayloads payloads = PushPullPayloads.of(members);
            for (StreamSetup setup : StreamSetup.values()) {
                long start = System.nanoTime();
                results.add(new StreamLatencyRun(setup, payloads, options).measure());
                out.printf(Locale.ROOT, "[%s, %d members] %.1f s%n", setup.label(), members, (System.nanoTime() - start) / 1e9);
            }
        }
        out.println();
        out.print(StreamLatencyTable.format(results, options.inFlight()));
        return results;
    }
}
