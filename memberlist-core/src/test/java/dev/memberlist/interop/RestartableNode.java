package dev.memberlist.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A cluster node driven over stdin, either Go (gopeer) or Java (the agent, which takes the same flags
 * and commands), that can be restarted with other flags under its name and port, as an operator
 * rolls a new configuration through a cluster. Keeps every process it started, so a test can check
 * what each incarnation printed. Not thread-safe.
 */
public final class RestartableNode implements AutoCloseable {

    /** Which implementation runs the node. */
    public enum Kind { GO, JAVA }

    /**
     * Where a node runs: the address it binds, how its command line is wrapped (to run it in a
     * network namespace, say) and more options for a Java node's JVM.
     *
     * @param bind the address to bind and advertise
     * @param wrap turns the node's command line into the one to start
     * @param jvmOptions more options for the agent's JVM
     */
    public record Placement(String bind, UnaryOperator<List<String>> wrap, List<String> jvmOptions) {

        /** On 127.0.0.1 of this machine. */
        public static final Placement LOOPBACK = new Placement("127.0.0.1", UnaryOperator.identity(), List.of());
    }

    private static final String LIFETIME = "5m";

    private final Kind kind;
    private final String name;
    private final String logPrefix;
    private final List<String> baseFlags;
    private final List<PeerProcess> processes = new ArrayList<>();
    private Placement placement;
    private String address;

    private RestartableNode(Kind kind, String name, String logPrefix, List<String> baseFlags, Placement placement) {
        this.kind = kind;
        this.name = name;
        this.logPrefix = logPrefix;
        this.baseFlags = List.copyOf(baseFlags);
        this.placement = placement;
    }

    /**
     * Starts a node on a free port.
     *
     * @param kind Go or Java
     * @param name its name
     * @param logPrefix names its log files
     * @param baseFlags flags of every incarnation (timings)
     * @param flags flags of this incarnation ({@code -key}, {@code -join}, …)
     * @return the node, ready
     */
    static RestartableNode start(Kind kind, String name, String logPrefix, List<String> baseFlags, String... flags) {
        return start(kind, name, Placement.LOOPBACK, "0", logPrefix, baseFlags, flags);
    }

    /**
     * Starts a node somewhere else than on loopback.
     *
     * @param kind Go or Java
     * @param name its name
     * @param placement where it runs
     * @param port its port; 0 picks a free one
     * @param logPrefix names its log files
     * @param baseFlags flags of every incarnation (timings)
     * @param flags flags of this incarnation ({@code -key}, {@code -join}, …)
     * @return the node, ready
     */
    public static RestartableNode start(Kind kind, String name, Placement placement, String port, String logPrefix,
            List<String> baseFlags, String... flags) {
        RestartableNode node = new RestartableNode(kind, name, logPrefix, baseFlags, placement);
        node.launch(port, List.of(flags));
        return node;
    }

    /**
     * Leaves the cluster gracefully, waits for the process to end, and starts a new one on the same
     * port with these flags.
     *
     * @param flags flags of the new incarnation
     */
    void restart(String... flags) {
        leave();
        startAgain(placement, flags);
    }

    /** Leaves the cluster gracefully and waits for the process to end. */
    public void leave() {
        PeerProcess current = process();
        current.command("leave");
        current.await("left");
        current.awaitExit();
    }

    /**
     * Starts a new incarnation on the same port after {@link #leave()}, placed anew (at another
     * address, say).
     *
     * @param where where the new incarnation runs
     * @param flags flags of the new incarnation
     */
    public void startAgain(Placement where, String... flags) {
        placement = where;
        launch(address.substring(address.lastIndexOf(':') + 1), List.of(flags));
    }

    private void launch(String port, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("-name", name, "-bind", placement.bind(), "-port", port,
                "-lifetime", LIFETIME));
        args.addAll(baseFlags);
        args.addAll(flags);
        String label = logPrefix + "." + name + "." + (processes.size() + 1);
        List<String> command = new ArrayList<>();
        if (kind == Kind.GO) {
            command.add(GoPeerBinary.require());
            command.addAll(args);
        } else {
            command.addAll(PeerProcess.agentCommand(placement.jvmOptions(), args));
        }
        try {
            PeerProcess process = PeerProcess.start(label, placement.wrap().apply(command));
            processes.add(process);
            address = (String) process.await("ready").get("addr");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label, e);
        }
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** @return {@code 127.0.0.1:port}, the same for every incarnation */
    public String address() {
        return address;
    }

    /** @return the running incarnation */
    public PeerProcess process() {
        return processes.get(processes.size() - 1);
    }

    /** @return every incarnation, the first first */
    public List<PeerProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * Runs a key command and waits for its answer.
     *
     * @param command {@code install-key}, {@code use-key} or {@code remove-key}, with its base64 key
     * @return the {@code keys} event
     */
    public Map<String, Object> keys(String command) {
        PeerProcess process = process();
        int mark = process.eventCount();
        process.command(command);
        return process.awaitFrom(mark, "keys", e -> true);
    }

    /** @return the names of the members the running incarnation lists */
    public Set<String> memberNames() {
        return process().memberNames();
    }

    @Override
    public void close() {
        processes.forEach(PeerProcess::close);
    }

    @Override
    public String toString() {
        return name + " (" + kind + ", " + process() + ")";
    }
}
