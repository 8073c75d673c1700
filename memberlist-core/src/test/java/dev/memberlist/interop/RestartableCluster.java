package dev.memberlist.interop;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Go and Java nodes as separate processes driven over stdin ({@link RestartableNode}), for changes an
 * operator rolls through a live cluster: key rotation, restarts with new flags. Register it with
 * {@code @RegisterExtension}: before each test it finds gopeer (or aborts the test when gopeer is
 * missing and not required); after each test it ends every process it started.
 */
final class RestartableCluster implements BeforeEachCallback, AfterEachCallback {

    /** The longest wait for the cluster to agree after a change. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Timings timings;
    private final List<RestartableNode> nodes = new ArrayList<>();
    private String logPrefix;

    /** @param timings the timings of every node */
    RestartableCluster(Timings timings) {
        this.timings = timings;
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        GoPeerBinary.require();
        logPrefix = test.getRequiredTestClass().getSimpleName() + "." + test.getRequiredTestMethod().getName();
    }

    @Override
    public void afterEach(ExtensionContext test) {
        nodes.forEach(RestartableNode::close);
        assertThat(nodes.stream().flatMap(n -> n.processes().stream()).flatMap(p -> p.badLines().stream()))
                .as("stdout lines that are not JSON objects").isEmpty();
    }

    /**
     * Starts nodes alternately Go and Java ({@code g1, j1, g2, j2, …}), each joining the one before,
     * so every join crosses between the implementations, and waits until all of them agree.
     *
     * @param count how many nodes
     * @param flags flags of every node's first incarnation
     * @return the nodes, in start order
     */
    List<RestartableNode> formChain(int count, String... flags) {
        for (int i = 0; i < count; i++) {
            RestartableNode.Kind kind = i % 2 == 0 ? RestartableNode.Kind.GO : RestartableNode.Kind.JAVA;
            String name = (kind == RestartableNode.Kind.GO ? "g" : "j") + (i / 2 + 1);
            List<String> own = new ArrayList<>(List.of(flags));
            if (!nodes.isEmpty()) {
                own.addAll(List.of("-join", nodes.get(nodes.size() - 1).address()));
            }
            RestartableNode node = RestartableNode.start(kind, name, logPrefix, timings.goFlags(), own.toArray(String[]::new));
            if (!nodes.isEmpty()) {
                node.process().await("joined", e -> ((Number) e.get("joined")).intValue() > 0);
            }
            nodes.add(node);
        }
        awaitConverged();
        return List.copyOf(nodes);
    }

    /** Waits until every node lists exactly every node. */
    void awaitConverged() {
        Set<String> expected = nodes.stream().map(RestartableNode::name).collect(Collectors.toCollection(TreeSet::new));
        await("every node lists " + expected).atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (RestartableNode node : nodes) {
                assertThat(node.memberNames()).as("members listed by %s", node).isEqualTo(expected);
            }
        });
    }

    /** @return how many events each process has printed so far, a mark for {@link #flapsSince} */
    Map<PeerProcess, Integer> mark() {
        Map<PeerProcess, Integer> marks = new HashMap<>();
        nodes.forEach(node -> node.processes().forEach(process -> marks.put(process, process.eventCount())));
        return marks;
    }

    /**
     * What went wrong for nodes that stayed up since the mark: every {@code error} event, and every
     * {@code suspect} or {@code leave} event about a node other than those that left on purpose (a
     * node that was down for its restart may be suspected before the others hear of its leave),
     * printed by any incarnation of any node (one started after the mark from its start).
     *
     * @param mark from {@link #mark()}
     * @param leaving nodes that left on purpose since the mark
     * @return the events, each prefixed with the node that printed it
     */
    List<String> flapsSince(Map<PeerProcess, Integer> mark, Set<String> leaving) {
        List<String> flaps = new ArrayList<>();
        for (RestartableNode node : nodes) {
            for (PeerProcess process : node.processes()) {
                List<Map<String, Object>> events = process.events();
                for (Map<String, Object> event : events.subList(Math.min(mark.getOrDefault(process, 0), events.size()),
                        events.size())) {
                    Object kind = event.get("event");
                    boolean flap = ("leave".equals(kind) || "suspect".equals(kind))
                            && !leaving.contains((String) event.get("node"));
                    if (flap || "error".equals(kind)) {
                        flaps.add(node.name() + ": " + event);
                    }
                }
            }
        }
        return flaps;
    }

    /**
     * Starts one more node that joins the cluster, to see whether it is let in.
     *
     * @param name its name
     * @param flags its flags ({@code -key}, …), without {@code -join}
     * @return the node, after it printed {@code joined} or {@code error}
     */
    RestartableNode newcomer(String name, String... flags) {
        List<String> own = new ArrayList<>(List.of(flags));
        own.addAll(List.of("-join", nodes.get(0).address()));
        RestartableNode node = RestartableNode.start(RestartableNode.Kind.JAVA, name, logPrefix, timings.goFlags(),
                own.toArray(String[]::new));
        nodes.add(node);
        await(name + " joins or fails to").atMost(WAIT).until(() -> joinOutcome(node).isPresent());
        return node;
    }

    /**
     * @param node a node started with {@code -join}
     * @return how many seeds it reached ({@code joined}), 0 when its join failed, empty while it is joining
     */
    static Optional<Integer> joinOutcome(RestartableNode node) {
        return node.process().find(e -> "joined".equals(e.get("event"))
                        || "error".equals(e.get("event")) && ((String) e.get("error")).startsWith("join: "))
                .map(e -> e.containsKey("joined") ? ((Number) e.get("joined")).intValue() : 0);
    }

    /** Forgets a node that is gone for good (a newcomer that was refused), after ending it. */
    void remove(RestartableNode node) {
        node.close();
        nodes.remove(node);
    }
}
