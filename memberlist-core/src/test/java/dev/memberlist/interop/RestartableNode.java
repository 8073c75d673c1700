package dev.memberlist.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster node driven over stdin, either Go (gopeer) or Java (the agent, which takes the same flags
 * and commands), that can be restarted with other flags under its name and port, as an operator
 * rolls a new configuration through a cluster. Keeps every process it started, so a test can check
 * what each incarnation printed. Not thread-safe.
 */
final class RestartableNode implements AutoCloseable {

    /** Which implementation runs the node. */
    enum Kind { GO, JAVA }

    private static final String LIFETIME = "5m";

    private final Kind kind;
    private final String name;
    private final String logPrefix;
    private final List<String> baseFlags;
    private final List<PeerProcess> processes = new ArrayList<>();
    private String address;

    private RestartableNode(Kind kind, String name, String logPrefix, List<String> baseFlags) {
        this.kind = kind;
        this.name = name;
        this.logPrefix = logPrefix;
        this.baseFlags = List.copyOf(baseFlags);
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
        RestartableNode node = new RestartableNode(kind, name, logPrefix, baseFlags);
        node.launch("0", List.of(flags));
        return node;
    }

    /**
     * Leaves the cluster gracefully, waits for the process to end, and starts a new one on the same
     * port with these flags.
     *
     * @param flags flags of the new incarnation
     */
    void restart(String... flags) {
        PeerProcess current = process();
        current.command("leave");
        current.await("left");
        current.awaitExit();
        launch(address.substring(address.lastIndexOf(':') + 1), List.of(flags));
    }

    private void launch(String port, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("-name", name, "-bind", "127.0.0.1", "-port", port,
                "-lifetime", LIFETIME));
        args.addAll(baseFlags);
        args.addAll(flags);
        String label = logPrefix + "." + name + "." + (processes.size() + 1);
        try {
            PeerProcess process = kind == Kind.GO
                    ? PeerProcess.gopeer(GoPeerBinary.require(), label, args)
                    : PeerProcess.agent(label, args.toArray(String[]::new));
            processes.add(process);
            address = (String) process.await("ready").get("addr");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label, e);
        }
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    /** @return {@code 127.0.0.1:port}, the same for every incarnation */
    String address() {
        return address;
    }

    /** @return the running incarnation */
    PeerProcess process() {
        return processes.get(processes.size() - 1);
    }

    /** @return every incarnation, the first first */
    List<PeerProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * Runs a key command and waits for its answer.
     *
     * @param command {@code install-key}, {@code use-key} or {@code remove-key}, with its base64 key
     * @return the {@code keys} event
     */
    Map<String, Object> keys(String command) {
        PeerProcess process = process();
        int mark = process.eventCount();
        process.command(command);
        return process.awaitFrom(mark, "keys", e -> true);
    }

    /** @return the names of the members the running incarnation lists */
    Set<String> memberNames() {
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
