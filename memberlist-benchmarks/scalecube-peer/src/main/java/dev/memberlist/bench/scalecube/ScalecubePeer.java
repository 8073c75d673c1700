package dev.memberlist.bench.scalecube;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scalecube member for the shell, driven like gopeer: {@code -name}, {@code -port}, {@code -join},
 * {@code -config} and {@code -lifetime} (a Go duration such as {@code 10m} or {@code 90s}); commands
 * {@code join HOST:PORT[,...]}, {@code members}, {@code stats}, {@code leave} (graceful, then exit) and
 * {@code quit} (exit without leaving, which the others see as a crash, as does the end of stdin).
 */
public final class ScalecubePeer {

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final List<String> FLAGS = List.of("name", "port", "join", "config", "lifetime", "bind");

    private ScalecubePeer() {
    }

    /**
     * Runs one member until stdin ends, {@code leave}, {@code quit} or {@code -lifetime}.
     *
     * @param args the flags
     */
    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        PeerEvents events = new PeerEvents(stdout);
        Map<String, String> flags;
        long lifetimeMillis;
        try {
            flags = parse(args);
            lifetimeMillis = millis(flags.getOrDefault("lifetime", "0s"));
        } catch (IllegalArgumentException e) {
            events.emit("error", "error", e.getMessage());
            System.exit(2);
            return;
        }
        String name = flags.getOrDefault("name", "scalecube");
        ScalecubeNode node;
        try {
            node = ScalecubeNode.start(name, flags.getOrDefault("config", "local"),
                    Integer.parseInt(flags.getOrDefault("port", "0")), seeds(flags.getOrDefault("join", "")), events);
        } catch (RuntimeException e) {
            events.emit("error", "error", "create: " + e.getMessage());
            System.exit(1);
            return;
        }
        events.emit("ready", "node", name, "addr", node.address(), "pid", ProcessHandle.current().pid());
        if (lifetimeMillis > 0) {
            CompletableFuture.delayedExecutor(lifetimeMillis, TimeUnit.MILLISECONDS).execute(() -> {
                events.emit("expired");
                Runtime.getRuntime().halt(0);
            });
        }
        readCommands(node, events);
        Runtime.getRuntime().halt(0);
    }

    private static void readCommands(ScalecubeNode node, PeerEvents events) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = stdin.readLine()) != null) {
                String command = line.strip();
                String argument = command.contains(" ") ? command.substring(command.indexOf(' ') + 1).strip() : "";
                if (command.equals("join") || command.startsWith("join ")) {
                    join(node, argument, events);
                } else if (command.equals("members")) {
                    List<String> names = node.memberNames();
                    events.emit("members", "names", String.join(",", names), "count", names.size());
                } else if (command.equals("stats")) {
                    stats(node, events);
                } else if (command.equals("leave")) {
                    long start = System.nanoTime();
                    node.leave();
                    events.emit("left", "ms", (System.nanoTime() - start) / 1_000_000);
                    return;
                } else if (command.equals("quit")) {
                    return;
                } else if (!command.isEmpty()) {
                    events.emit("error", "error", "unknown command \"" + command + "\"");
                }
            }
        } catch (IOException e) {
            // A broken stdin is an end of stdin: the controlling process is gone.
        }
    }

    private static void join(ScalecubeNode node, String argument, PeerEvents events) {
        if (seeds(argument).isEmpty()) {
            events.emit("error", "error", "join: no seed given", "joined", 0);
            return;
        }
        try {
            events.emit("joined", "joined", node.join(seeds(argument)));
        } catch (RuntimeException e) {
            events.emit("error", "error", "join: " + e.getMessage(), "joined", 0);
        }
    }

    private static void stats(ScalecubeNode node, PeerEvents events) {
        long cpuMillis = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean) {
            cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
        }
        events.emit("stats", "udp_pkts", 0, "udp_bytes", 0,
                "tcp_msgs", node.traffic().messages(), "tcp_bytes", node.traffic().bytes(),
                "cpu_ms", cpuMillis,
                "heap_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                "threads", ManagementFactory.getThreadMXBean().getThreadCount());
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].replaceFirst("^--?", "");
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("flag needs a value: " + args[i]);
            }
            if (!FLAGS.contains(arg)) {
                throw new IllegalArgumentException("unknown flag " + args[i] + "; known: " + FLAGS);
            }
            flags.put(arg, value);
        }
        return flags;
    }

    static List<String> seeds(String list) {
        List<String> seeds = new ArrayList<>();
        for (String seed : list.split(",")) {
            if (!seed.isBlank()) {
                seeds.add(seed.strip());
            }
        }
        return seeds;
    }

    static long millis(String goDuration) {
        Matcher part = GO_DURATION_PART.matcher(goDuration);
        long millis = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            switch (part.group(2)) {
                case "ms":
                    millis += amount;
                    break;
                case "s":
                    millis += TimeUnit.SECONDS.toMillis(amount);
                    break;
                case "m":
                    millis += TimeUnit.MINUTES.toMillis(amount);
                    break;
                default:
                    millis += TimeUnit.HOURS.toMillis(amount);
            }
            end = part.end();
        }
        if (end != goDuration.length() || goDuration.isEmpty()) {
            throw new IllegalArgumentException("not a duration: " + goDuration);
        }
        return millis;
    }
}
