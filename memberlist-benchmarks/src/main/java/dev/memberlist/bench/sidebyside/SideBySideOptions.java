package dev.memberlist.bench.sidebyside;

import dev.memberlist.bench.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's command line. Without {@code --n} and {@code --presets} it runs the full matrix: N = 8
 * and 16 under {@code lan} and {@code local}, N = 32 under {@code lan}; with either, every given size
 * under every given preset.
 *
 * @param scenarios what to run, in order
 * @param repetitions runs per implementation and scenario
 * @param implementations keys of the implementations, in column order ({@code java}, {@code go}, {@code scalecube})
 * @param gopeer the gopeer binary (built with the shared script when missing)
 * @param agentJar the memberlist agent jar; empty to look in {@code memberlist-core/target}
 * @param scalecubeJar the scalecube peer jar
 * @param javaHome a second JDK for an extra Java column, e.g. JDK 25
 * @param javaOptions JVM options for every Java process (agent, scalecube, empty JVM)
 * @param tunedJavaOptions when not empty, an extra Java column: the same agent on the same JDK with these
 *     JVM options added (e.g. a class-data archive and JIT flags), beside the plain one
 * @param settings timeouts and the idle window
 * @param out where the report, the raw runs, the logs and the charts go
 * @param docs a second directory for the charts (e.g. {@code docs/benchmarks}), if any
 */
record SideBySideOptions(List<Scenario> scenarios, int repetitions, List<String> implementations, Path gopeer,
                         Optional<Path> agentJar, Path scalecubeJar, Optional<Path> javaHome,
                         List<String> javaOptions, List<String> tunedJavaOptions, RunSettings settings, Path out,
                         Optional<Path> docs) {

    static final String USAGE = String.join("\n",
            "usage: SideBySide [--n 8,16] [--presets lan,local] [--reps 5] [--impls java,go,scalecube]",
            "                  [--gopeer /tmp/gopeer/gopeer] [--agent-jar PATH] [--scalecube-jar PATH]",
            "                  [--java-home /usr/lib/jvm/temurin-25-jdk-amd64] [--java-opts '-Xmx256m']",
            "                  [--tuned-java-opts '-XX:SharedArchiveFile=agent.jsa -XX:TieredStopAtLevel=1']",
            "                  [--warmup 60s] [--window 30s] [--ready-timeout 60s] [--converge-timeout 120s]",
            "                  [--detect-timeout 120s] [--out target/sidebyside] [--docs docs/benchmarks]",
            "Without --n and --presets: N = 8 and 16 under lan and local, N = 32 under lan. --window 0s skips",
            "the idle measurement (it runs once per implementation and scenario, in the first repetition).");

    private static final List<String> KNOWN_IMPLEMENTATIONS = List.of("java", "go", "scalecube");

    /** Validates the fields. */
    SideBySideOptions {
        scenarios = List.copyOf(scenarios);
        implementations = List.copyOf(implementations);
        javaOptions = List.copyOf(javaOptions);
        tunedJavaOptions = List.copyOf(tunedJavaOptions);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario to run");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("--reps must be at least 1: " + repetitions);
        }
        if (implementations.isEmpty() || !KNOWN_IMPLEMENTATIONS.containsAll(implementations)) {
            throw new IllegalArgumentException("--impls takes some of " + KNOWN_IMPLEMENTATIONS + ": " + implementations);
        }
    }

    /**
     * @param args the command line
     * @return the options, defaults for what is not given
     * @throws IllegalArgumentException on an unknown flag or a bad value
     */
    static SideBySideOptions parse(String... args) {
        List<Integer> sizes = null;
        List<String> presets = null;
        int repetitions = 5;
        List<String> implementations = KNOWN_IMPLEMENTATIONS;
        String gopeerEnv = System.getenv("GOPEER");
        Path gopeer = Path.of(gopeerEnv == null || gopeerEnv.isBlank() ? "/tmp/gopeer/gopeer" : gopeerEnv);
        Optional<Path> agentJar = Optional.empty();
        Path scalecubeJar = Path.of("memberlist-benchmarks/scalecube-peer/target/scalecube-peer.jar");
        Optional<Path> javaHome = Optional.empty();
        List<String> javaOptions = List.of();
        List<String> tunedJavaOptions = List.of();
        Duration ready = Duration.ofSeconds(60);
        Duration converge = Duration.ofSeconds(120);
        Duration detect = Duration.ofSeconds(120);
        Duration warmup = Duration.ofSeconds(60);
        Duration window = Duration.ofSeconds(30);
        Path out = Path.of("target/sidebyside");
        Optional<Path> docs = Optional.empty();
        for (Map.Entry<String, String> flag : CommandLine.flags(args)) {
            String value = flag.getValue();
            switch (flag.getKey()) {
                case "--n" -> sizes = list(value).stream().map(Integer::parseInt).toList();
                case "--presets" -> presets = list(value);
                case "--reps" -> repetitions = Integer.parseInt(value);
                case "--impls" -> implementations = list(value);
                case "--gopeer" -> gopeer = Path.of(value);
                case "--agent-jar" -> agentJar = Optional.of(Path.of(value));
                case "--scalecube-jar" -> scalecubeJar = Path.of(value);
                case "--java-home" -> javaHome = Optional.of(Path.of(value));
                case "--java-opts" -> javaOptions = words(value);
                case "--tuned-java-opts" -> tunedJavaOptions = words(value);
                case "--warmup" -> warmup = CommandLine.duration(value);
                case "--window" -> window = CommandLine.duration(value);
                case "--ready-timeout" -> ready = CommandLine.duration(value);
                case "--converge-timeout" -> converge = CommandLine.duration(value);
                case "--detect-timeout" -> detect = CommandLine.duration(value);
                case "--out" -> out = Path.of(value);
                case "--docs" -> docs = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown flag " + flag.getKey());
            }
        }
        return new SideBySideOptions(scenarios(sizes, presets), repetitions, implementations, gopeer, agentJar,
                scalecubeJar, javaHome, javaOptions, tunedJavaOptions, new RunSettings(ready, converge, detect, warmup, window), out, docs);
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }

    /** The full matrix unless sizes or presets are given; then their cross product (defaults: 8, lan). */
    private static List<Scenario> scenarios(List<Integer> sizes, List<String> presets) {
        if (sizes == null && presets == null) {
            return List.of(new Scenario("lan", 8), new Scenario("local", 8), new Scenario("lan", 16),
                    new Scenario("local", 16), new Scenario("lan", 32));
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int n : sizes == null ? List.of(8) : sizes) {
            for (String preset : presets == null ? List.of("lan") : presets) {
                scenarios.add(new Scenario(preset, n));
            }
        }
        return scenarios;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
