package dev.memberlist.netns;

import dev.memberlist.interop.PeerProcess;
import dev.memberlist.interop.RestartableNode;
import dev.memberlist.interop.Timings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Go and Java nodes on the hosts of a {@link NetworkLab}, one per host on port {@value #PORT}, all on
 * one set of {@link Timings}. Java nodes do not cache DNS answers, so a name is looked up again at
 * every join. {@link #close()} ends every node. Not thread-safe.
 */
final class LabCluster implements AutoCloseable {

    static final int PORT = 7946;

    private final NetworkLab lab;
    private final Timings timings;
    private final String logPrefix;
    private final List<RestartableNode> nodes = new ArrayList<>();

    LabCluster(NetworkLab lab, Timings timings, String logPrefix) {
        this.lab = lab;
        this.timings = timings;
        this.logPrefix = logPrefix;
    }

    /**
     * Starts a node on a host.
     *
     * @param kind Go or Java
     * @param host where
     * @param flags its flags ({@code -join}, {@code -label}, …)
     * @return the node, ready
     */
    RestartableNode start(RestartableNode.Kind kind, LabHost host, String... flags) {
        RestartableNode node = RestartableNode.start(kind, host.name(), placement(host), String.valueOf(PORT), logPrefix,
                timings.goFlags(), flags);
        nodes.add(node);
        return node;
    }

    /**
     * @param host a lab host
     * @return where a node on that host runs
     */
    RestartableNode.Placement placement(LabHost host) {
        return new RestartableNode.Placement(host.address(), command -> lab.inside(host, command),
                List.of("-Dsun.net.inetaddr.ttl=0", "-Dsun.net.inetaddr.negative.ttl=0"));
    }

    /**
     * @param host a lab host
     * @return {@code address:port} of the node there, as a seed
     */
    static String seed(LabHost host) {
        return host.address() + ":" + PORT;
    }

    /**
     * Waits until each of these nodes lists exactly these nodes.
     *
     * @param within the longest wait
     * @param group the nodes
     * @return how long it took
     */
    Duration awaitConverged(Duration within, List<RestartableNode> group) {
        Set<String> expected = group.stream().map(RestartableNode::name).collect(Collectors.toCollection(TreeSet::new));
        long start = System.nanoTime();
        await("each of " + expected + " lists them all").atMost(within).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    for (RestartableNode node : group) {
                        assertThat(node.memberNames()).as("members listed by %s", node).isEqualTo(expected);
                    }
                });
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** @return every node started, in start order */
    List<RestartableNode> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * @param event an event name ({@code suspect}, {@code leave}, …)
     * @return every such event printed by any node's current incarnation, as {@code printer: event}
     */
    List<String> events(String event) {
        List<String> found = new ArrayList<>();
        for (RestartableNode node : nodes) {
            PeerProcess process = node.process();
            for (Map<String, Object> e : process.events()) {
                if (event.equals(e.get("event"))) {
                    found.add(node.name() + ": " + e);
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        nodes.forEach(RestartableNode::close);
    }
}
