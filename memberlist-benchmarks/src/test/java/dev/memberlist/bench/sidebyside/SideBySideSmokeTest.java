package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The harness end to end on two real nodes per implementation: the agent jar (built by {@code package}
 * before this module's tests in {@code mvn verify}) and, when it is there, gopeer ({@code GOPEER}, else
 * {@code /tmp/gopeer/gopeer}); the {@code local} preset, one repetition, a one-second idle window.
 */
class SideBySideSmokeTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void runsEveryImplementationWritesReportRunsAndChartsAndLeavesNoProcessBehind(@TempDir Path out) throws IOException {
        Path agentJar = Path.of(System.getProperty("sidebyside.agentJar", "missing"));
        assumeTrue(Files.isRegularFile(agentJar), "agent jar not built (mvn package): " + agentJar);
        String gopeerEnv = System.getenv("GOPEER");
        Path gopeer = Path.of(gopeerEnv == null || gopeerEnv.isBlank() ? "/tmp/gopeer/gopeer" : gopeerEnv);
        boolean withGo = Files.isExecutable(gopeer);
        List<String> args = new ArrayList<>(List.of("--n", "2", "--presets", "local", "--reps", "1",
                "--impls", withGo ? "java,go" : "java", "--gopeer", gopeer.toString(), "--agent-jar", agentJar.toString(),
                "--warmup", "0s", "--window", "1s", "--ready-timeout", "30s", "--converge-timeout", "20s",
                "--detect-timeout", "20s", "--out", out.toString()));
        SideBySideOptions options = SideBySideOptions.parse(args.toArray(String[]::new));

        String report = SideBySide.run(options, Implementations.resolve(options), String.join(" ", args));

        assertThat(report).contains("#### `local`, N = 2 (1 repetition", "| converge, from the `join` command");
        assertThat(out.resolve("results.md")).content().isEqualTo(report);
        assertThat(Files.readAllLines(out.resolve("runs.tsv")))
                .anySatisfy(line -> assertThat(line).startsWith("local\t2\tjava\tJava (JDK ").contains("\t1\tCONVERGE_FROM_JOIN\t"));
        if (withGo) {
            // Go converges two fresh nodes at once; a failure here is the harness's, not the peer's.
            assertThat(Files.readAllLines(out.resolve("runs.tsv")))
                    .anySatisfy(line -> assertThat(line).matches("local\t2\tgo\tGo memberlist 0.2.2\t1\tCONVERGE_FROM_JOIN\t[0-9.]+\ts\t"))
                    .anySatisfy(line -> assertThat(line).matches("local\t2\tgo\tGo memberlist 0.2.2\t1\tIDLE_CPU\t[0-9.E-]+\tms/s\t"));
        }
        assertThat(out.resolve("convergence-local.png")).isNotEmptyFile();
        assertThat(out.resolve("detection-local.png")).isNotEmptyFile();
        assertThat(ChildProcesses.live()).isZero();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
