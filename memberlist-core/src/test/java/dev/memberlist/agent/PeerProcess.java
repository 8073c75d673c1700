package dev.memberlist.agent;

import org.awaitility.Awaitility;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;


/**
 * One agent or gopeer child process, driven as a shell user would: commands written to stdin, JSON
 * events read from stdout on a thread of their own, stderr kept in a file under {@code target/}.
 */
final class PeerProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final String label;
    private final Process process;
    private final Writer stdin;
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final List<String> badLines = new CopyOnWriteArrayList<>();

    private PeerProcess(String label, List<String> command) throws IOException {
        this.label = label;
        Path logs = Files.createDirectories(Path.of("target", "agent-it"));
        File stderr = logs.resolve(label + ".stderr.log").toFile();
        this.process = new ProcessBuilder(command).redirectError(stderr).start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readEvents, "events-of-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -cp <this JVM's classpath> dev.memberlist.agent.Agent args}. */
    static PeerProcess agent(String label, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                Agent.class.getName()));
        command.addAll(List.of(args));
        return new PeerProcess(label, command);
    }

    /** Starts the Go peer binary with {@code args}. */
    static PeerProcess gopeer(String binary, String label, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(List.of(args));
        return new PeerProcess(label, command);
    }

    private void readEvents() {
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null) {
                try {
                    events.add(JsonReader.object(line));
                } catch (RuntimeException e) {
                    badLines.add(line);
                }
            }
        } catch (IOException e) {
            // The process ended; what was read stays.
        }
    }

    void command(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(label + " no longer reads commands", e);
        }
    }

    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone: that is what closing wanted.
        }
    }

    /** Waits (bounded) for the first event named {@code event} that matches. */
    Map<String, Object> await(String event, Predicate<Map<String, Object>> matching) {
        Predicate<Map<String, Object>> wanted = e -> event.equals(e.get("event")) && matching.test(e);
        return Awaitility.await(label + " prints " + event + "; events so far: " + events)
                .atMost(WAIT).until(() -> find(wanted), Optional::isPresent).orElseThrow();
    }

    Map<String, Object> await(String event) {
        return await(event, e -> true);
    }

    Map<String, Object> awaitNode(String event, String node) {
        return await(event, e -> node.equals(e.get("node")));
    }

    Optional<Map<String, Object>> find(Predicate<Map<String, Object>> wanted) {
        return events.stream().filter(wanted).findFirst();
    }

    List<Map<String, Object>> events() {
        return List.copyOf(events);
    }

    /** @return lines on stdout that were not one JSON object */
    List<String> badLines() {
        return List.copyOf(badLines);
    }

    /** Waits (bounded) for the process to end. */
    int awaitExit() {
        Awaitility.await("exit of " + label).atMost(WAIT).until(() -> !process.isAlive());
        return process.exitValue();
    }

    /** Sends SIGTERM through the process handle, which, unlike {@link Process#destroy()}, leaves stdin open. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Closes stdin (the agent then stops), and kills the process if it has not ended shortly after. */
    @Override
    public void close() {
        closeStdin();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
