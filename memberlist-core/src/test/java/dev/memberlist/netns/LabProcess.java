package dev.memberlist.netns;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Long-running helpers of a {@link NetworkLab} (a DNS server, the delayer, an echo server): each runs
 * in a namespace with its output in a log under {@code target/peer-logs}, and is ready once the log
 * says so. Their owners end them by PID.
 */
final class LabProcess {

    private LabProcess() {
    }

    /**
     * @param namespace where it runs
     * @param what what runs there ({@code delayer}, …)
     * @return the log for it, its folder made
     */
    static Path log(String namespace, String what) throws IOException {
        Path log = Path.of("target", "peer-logs", namespace + "-" + what + ".log");
        Files.createDirectories(log.getParent());
        return log;
    }

    /**
     * Starts a command in a namespace and waits until its log holds a mark.
     *
     * @param namespace where it runs
     * @param command the command
     * @param log where its output goes
     * @param readyMark what it writes once ready
     * @param within the longest wait
     * @return the process, ready
     * @throws IllegalStateException when it exits first (with its output)
     */
    static Process start(String namespace, List<String> command, Path log, String readyMark, Duration within)
            throws IOException {
        Process process = new ProcessBuilder(NetworkLab.inside(namespace, command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            Awaitility.await(command.get(0) + " in " + namespace + " writes '" + readyMark + "'").atMost(within)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !process.isAlive() || Files.readString(log).contains(readyMark));
            if (!process.isAlive()) {
                throw new IllegalStateException(command.get(0) + " in " + namespace + " exited: " + Files.readString(log));
            }
            return process;
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
