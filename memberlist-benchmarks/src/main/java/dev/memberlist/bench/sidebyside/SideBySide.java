package dev.memberlist.bench.sidebyside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs memberlist-java's agent, Go memberlist and scalecube-cluster side by side, N processes each on
 * loopback with the same flags, implementations alternating run by run, and reports convergence,
 * failure detection, leave, idle CPU, traffic and memory as a Markdown table (stdout and
 * {@code <out>/results.md}), the raw runs ({@code <out>/runs.tsv}) and PNG charts.
 *
 * <pre>
 * mvn -B -q -DskipTests package -pl memberlist-benchmarks -am
 * java -cp memberlist-benchmarks/target/benchmarks.jar dev.memberlist.bench.sidebyside.SideBySide --n 8 --presets lan --reps 1
 * </pre>
 *
 * Every child process is ended by handle when the harness ends, Ctrl-C included, and carries
 * {@code -lifetime} as well. Progress goes to stderr.
 */
public final class SideBySide {

    private SideBySide() {
    }

    /**
     * @param args see {@link SideBySideOptions#USAGE}
     * @throws IOException when the output cannot be written or a process cannot start
     */
    public static void main(String[] args) throws IOException {
        SideBySideOptions options;
        List<Implementation> implementations;
        try {
            options = SideBySideOptions.parse(args);
            implementations = Implementations.resolve(options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.println(SideBySideOptions.USAGE);
            System.exit(2);
            return;
        }
        String report = run(options, implementations, String.join(" ", args));
        System.out.print(report);
    }

    /**
     * Runs every scenario and writes the report, the raw runs and the charts.
     *
     * @param options what to run
     * @param implementations the columns
     * @param command the command line, for the report
     * @return the report (Markdown)
     * @throws IOException when the output cannot be written or a process cannot start
     */
    static String run(SideBySideOptions options, List<Implementation> implementations, String command)
            throws IOException {
        Path logs = Files.createDirectories(options.out().resolve("logs"));
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MachineLoad load = MachineLoad.start();
        List<ScenarioResult> results = new ArrayList<>();
        try (NodeProcess emptyJvm = startEmptyJvm(options, logs.resolve("empty-jvm.log"))) {
            ScenarioRunner runner = new ScenarioRunner(options.settings(), logs, emptyJvm.pid());
            for (Scenario scenario : options.scenarios()) {
                ScenarioResult result = new ScenarioResult(scenario, implementations);
                results.add(result);
                for (int repetition = 1; repetition <= options.repetitions(); repetition++) {
                    // Alternate: each repetition starts with the next implementation.
                    List<Implementation> order = new ArrayList<>(implementations);
                    Collections.rotate(order, -(repetition - 1));
                    for (Implementation implementation : order) {
                        RunFigures figures = runner.run(implementation, scenario, repetition, repetition == 1);
                        result.add(implementation, figures);
                        System.err.printf("%s, %s, repetition %d/%d: %s%n", scenario, implementation.label(),
                                repetition, options.repetitions(), figures);
                    }
                }
            }
        } finally {
            ChildProcesses.killAll();
        }
        String report = header(options, implementations, command, started, load) + "\n" + ReportTable.render(results);
        Files.writeString(options.out().resolve("results.md"), report);
        Files.writeString(options.out().resolve("runs.tsv"), RunLog.render(results));
        List<Path> charts = Charts.write(results, options.out());
        if (options.docs().isPresent()) {
            Files.createDirectories(options.docs().get());
            for (Path chart : charts) {
                Files.copy(chart, options.docs().get().resolve(chart.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return report;
    }

    private static NodeProcess startEmptyJvm(SideBySideOptions options, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Implementations.currentJava().toString()));
        command.addAll(options.javaOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmptyJvm.class.getName()));
        return NodeProcess.start(-1, command, log, event -> { });
    }

    private static String header(SideBySideOptions options, List<Implementation> implementations, String command,
                                 Instant started, MachineLoad load) {
        StringBuilder out = new StringBuilder();
        out.append("- date: ").append(started).append('\n');
        out.append("- machine: ").append(MachineLoad.machine()).append('\n');
        out.append("- load: ").append(load.describe()).append('\n');
        out.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append(options.javaOptions().isEmpty() ? ", no JVM options" : ", " + String.join(" ", options.javaOptions()))
                .append('\n');
        out.append("- command: `SideBySide ").append(command).append("`\n");
        out.append("- columns: ");
        implementations.forEach(i -> out.append(i.label()).append(" (`").append(String.join(" ", i.launcher()))
                .append("`); "));
        out.setLength(out.length() - 2);
        out.append('\n');
        RunSettings settings = options.settings();
        out.append("- idle window: ").append(settings.measuresIdle()
                ? ScenarioRunner.seconds(settings.window()) + " after a " + ScenarioRunner.seconds(settings.warmup())
                        + " warm-up, in the first repetition"
                : "not measured").append('\n');
        return out.toString();
    }
}
