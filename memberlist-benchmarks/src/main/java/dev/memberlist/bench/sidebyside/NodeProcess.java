package dev.memberlist.bench.sidebyside;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One peer process: commands go to its stdin, each JSON line of its stdout becomes a {@link NodeEvent}
 * for the sink (on a reader thread of its own), stderr is appended to a log file. Ended by handle, by
 * PID, never by name.
 */
final class NodeProcess implements AutoCloseable {

    private static final long EXIT_WAIT_MILLIS = 3_000;

    private final int index;
    private final Process process;
    private final Writer stdin;

    private NodeProcess(int index, Process process) {
        this.index = index;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * @param index the node's index in its cluster, the {@code from} of its events
     * @param command the whole command line
     * @param log the file its stderr is appended to
     * @param sink receives its events, on the reader thread
     * @return the started process
     * @throws IOException when it cannot be started
     */
    static NodeProcess start(int index, List<String> command, Path log, Consumer<NodeEvent> sink) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ChildProcesses.register(process);
        NodeProcess node = new NodeProcess(index, process);
        Thread reader = new Thread(() -> node.read(sink), "sidebyside-node-" + index + "-pid-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return node;
    }

    private void read(Consumer<NodeEvent> sink) {
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null) {
                NodeEvent.parse(index, line).ifPresent(sink);
            }
        } catch (IOException e) {
            // The process ended; what it printed has been delivered.
        }
    }

    /** @return the process's PID, for /proc */
    long pid() {
        return process.pid();
    }

    /** @return whether it still runs */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Writes one command line; a process that no longer reads is left to {@link #close()}.
     *
     * @param line the command
     * @return whether it was written
     */
    boolean command(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL through the process handle: a hard crash. */
    void kill() {
        process.toHandle().destroyForcibly();
    }

    /** Closes stdin: every peer then stops without leaving. */
    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** Closes stdin, and kills the process if it is still there shortly after. */
    @Override
    public void close() {
        closeStdin();
        try {
            if (!process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        ChildProcesses.forget(process);
    }
}
