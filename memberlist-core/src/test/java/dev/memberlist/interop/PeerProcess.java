package dev.memberlist.interop;

import dev.memberlist.agent.Agent;
import org.awaitility.Awaitility;

import java.io.BufferedReader;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One agent or gopeer child process, driven as a shell user would: commands written to stdin, JSON
 * events read from stdout on a thread of their own, stderr kept in {@code target/peer-logs/<label>.stderr.log}.
 * {@link #close()} ends the process through its own handle, by PID, whatever state the test left it in.
 */
public final class PeerProcess implements AutoCloseable {

    /** The longest wait for one event or for the process to exit. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final String label;
    private final Process process;
    private final Path stderrLog;
    private final Writer stdin;
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final List<String> badLines = new CopyOnWriteArrayList<>();

    private PeerProcess(String label, List<String> command) throws IOException {
        this.label = label;
        Path logs = Files.createDirectories(Path.of("target", "peer-logs"));
        this.stderrLog = logs.resolve(label + ".stderr.log");
        this.process = new ProcessBuilder(command).redirectError(stderrLog.toFile()).start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readEvents, "events-of-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -cp <this JVM's classpath> dev.memberlist.agent.Agent args}.
     *
     * @param label names the process in messages and its stderr log
     * @param args the agent's flags
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static PeerProcess agent(String label, String... args) throws IOException {
        return start(label, agentCommand(List.of(), List.of(args)));
    }

    /**
     * @param jvmOptions more options for the agent's JVM ({@code -Dkey=value}, …)
     * @param args the agent's flags
     * @return the command that runs the agent on this JVM's classpath, small and quick to start
     */
    public static List<String> agentCommand(List<String> jvmOptions, List<String> args) {
        List<String> command = javaCommand();
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Agent.class.getName()));
        command.addAll(args);
        return command;
    }

    /**
     * Starts {@code java -jar <agentJar> args} on this JVM's Java, as a shell user runs the agent jar.
     *
     * @param label names the process in messages and its stderr log
     * @param agentJar the executable agent jar
     * @param args the agent's flags
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static PeerProcess agentJar(String label, Path agentJar, String... args) throws IOException {
        List<String> command = javaCommand();
        command.addAll(List.of("-jar", agentJar.toString()));
        command.addAll(List.of(args));
        return start(label, command);
    }

    private static List<String> javaCommand() {
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m"));
    }

    /**
     * Starts the Go peer binary.
     *
     * @param binary the gopeer executable, see {@link GoPeerBinary}
     * @param label names the process in messages and its stderr log
     * @param args gopeer's flags
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static PeerProcess gopeer(String binary, String label, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(args);
        return start(label, command);
    }

    /**
     * Starts any peer that speaks gopeer's stdin commands and JSON events.
     *
     * @param label names the process in messages and its stderr log
     * @param command the command line
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static PeerProcess start(String label, List<String> command) throws IOException {
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

    /** @param line a command, written to stdin with a newline */
    public void command(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(label + " no longer reads commands", e);
        }
    }

    /** Closes stdin, which both the agent and gopeer take as "quit without leaving". */
    public void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone: that is what closing wanted.
        }
    }

    /**
     * Waits (bounded by {@link #WAIT}) for the first event at or after position {@code from} that is
     * named {@code event} and matches.
     *
     * @param from how many events to skip, see {@link #eventCount()}
     * @param event the event name
     * @param matching what else the event must satisfy
     * @return the event
     */
    public Map<String, Object> awaitFrom(int from, String event, Predicate<Map<String, Object>> matching) {
        Predicate<Map<String, Object>> wanted = e -> event.equals(e.get("event")) && matching.test(e);
        return Awaitility.await(label + " prints " + event + "; events so far: " + events)
                .atMost(WAIT).until(() -> events.subList(Math.min(from, events.size()), events.size()).stream()
                        .filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
    }

    /**
     * @param event the event name
     * @param matching what else the event must satisfy
     * @return the first such event, waiting for it (bounded by {@link #WAIT})
     */
    public Map<String, Object> await(String event, Predicate<Map<String, Object>> matching) {
        return awaitFrom(0, event, matching);
    }

    /**
     * @param event the event name
     * @return the first such event, waiting for it (bounded by {@link #WAIT})
     */
    public Map<String, Object> await(String event) {
        return await(event, e -> true);
    }

    /**
     * @param event the event name
     * @param node the value of its {@code node} field
     * @return the first such event, waiting for it (bounded by {@link #WAIT})
     */
    public Map<String, Object> awaitNode(String event, String node) {
        return await(event, e -> node.equals(e.get("node")));
    }

    /**
     * @param wanted a condition on events
     * @return the first event printed so far that meets it
     */
    public Optional<Map<String, Object>> find(Predicate<Map<String, Object>> wanted) {
        return events.stream().filter(wanted).findFirst();
    }

    /**
     * Asks the peer for its members and waits for the answer.
     *
     * @return the {@code members} list it prints: alive and suspect nodes (Go 0.2.2 cannot tell them apart)
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> members() {
        int mark = eventCount();
        command("members");
        return (List<Map<String, Object>>) awaitFrom(mark, "members", e -> true).get("members");
    }

    /** @return the names in {@link #members()} */
    public Set<String> memberNames() {
        return members().stream().map(m -> (String) m.get("name")).collect(Collectors.toSet());
    }

    /** @return every event printed so far */
    public List<Map<String, Object>> events() {
        return List.copyOf(events);
    }

    /** @return how many events were printed so far, a mark for {@link #awaitFrom} */
    public int eventCount() {
        return events.size();
    }

    /** @return lines on stdout that were not one JSON object */
    public List<String> badLines() {
        return List.copyOf(badLines);
    }

    /** @return the file the process's stderr goes to */
    public Path stderrLog() {
        return stderrLog;
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits (bounded by {@link #WAIT}) for the process to end.
     *
     * @return its exit code
     */
    public int awaitExit() {
        Awaitility.await("exit of " + label).atMost(WAIT).until(() -> !process.isAlive());
        return process.exitValue();
    }

    /** Sends SIGTERM through the process handle, which, unlike {@link Process#destroy()}, leaves stdin open. */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL through the process handle: a hard crash, nothing said to anyone. */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    /** Closes stdin (the peer then stops), and kills the process if it has not ended shortly after. */
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

    @Override
    public String toString() {
        return label + " (pid " + process.pid() + ")";
    }
}
