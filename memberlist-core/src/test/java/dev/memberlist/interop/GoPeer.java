package dev.memberlist.interop;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One Go memberlist node: a gopeer process on 127.0.0.1 and a free port, started and waited for
 * until it is {@code ready}. Its memberlist log goes to {@code target/peer-logs/<label>.stderr.log}.
 */
final class GoPeer implements AutoCloseable {

    /** A safety net: gopeer exits by itself after this long, should nothing else stop it. */
    private static final String LIFETIME = "5m";
    private static final Duration REBROADCAST_EVERY = Duration.ofSeconds(3);

    private final String name;
    private final PeerProcess process;
    private final String address;

    private GoPeer(String name, PeerProcess process) {
        this.name = name;
        this.process = process;
        this.address = (String) process.await("ready").get("addr");
    }

    /**
     * @param binary the gopeer executable
     * @param label names the process in messages and its log file
     * @param name the node name
     * @param flags more gopeer flags (timings, {@code -join}, {@code -key}, …)
     * @return the node, ready
     */
    static GoPeer start(String binary, String label, String name, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("-name", name, "-bind", "127.0.0.1", "-port", "0",
                "-lifetime", LIFETIME, "-verbose"));
        args.addAll(flags);
        PeerProcess process;
        try {
            process = PeerProcess.gopeer(binary, label, args);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start gopeer " + binary, e);
        }
        try {
            return new GoPeer(name, process);
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    /** @return {@code 127.0.0.1:port}, as a seed */
    String address() {
        return address;
    }

    PeerProcess process() {
        return process;
    }

    /** @param line a gopeer command */
    void command(String line) {
        process.command(line);
    }

    /**
     * Broadcasts a message from this Go node until it has arrived. Go sends a broadcast only a few
     * times, over UDP, and a loaded machine can drop every copy; each repeat is a new broadcast, so a
     * receiver that cannot read Go's packets still never gets it.
     *
     * @param message the broadcast's text
     * @param arrived whether the receivers under test have it
     */
    void broadcastUntil(String message, BooleanSupplier arrived) {
        command("broadcast " + message);
        Awaitility.await("broadcast '" + message + "' from " + name + " arrives").atMost(MixedCluster.WAIT)
                .pollInterval(REBROADCAST_EVERY).until(() -> {
                    if (arrived.getAsBoolean()) {
                        return true;
                    }
                    command("broadcast " + message);
                    return false;
                });
    }

    /**
     * @param event the event name
     * @param matching what else it must satisfy
     * @return the first such event, waiting for it (bounded)
     */
    Map<String, Object> await(String event, Predicate<Map<String, Object>> matching) {
        return process.await(event, matching);
    }

    /**
     * @param event the event name
     * @param node the value of its {@code node} field
     * @return the first such event, waiting for it (bounded)
     */
    Map<String, Object> awaitNode(String event, String node) {
        return process.awaitNode(event, node);
    }

    /** @return the {@code members} list gopeer prints now: alive and suspect nodes (0.2.2 cannot tell them apart) */
    List<Map<String, Object>> members() {
        return process.members();
    }

    /** @return the names in {@link #members()} */
    Set<String> memberNames() {
        return process.memberNames();
    }

    /** Kills the process with SIGKILL: a hard crash. */
    void kill() {
        process.kill();
    }

    /** @return whether the process still runs */
    boolean isRunning() {
        return process.isAlive();
    }

    /** Ends the process (quit through stdin, then SIGKILL by PID if needed). */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name + " (Go, " + process + ")";
    }
}
