package dev.memberlist.interop;

import dev.memberlist.MemberlistConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Go and Java nodes on loopback sharing one set of {@link Timings}: starts them, waits until they
 * agree, and ends every one of them on {@link #close()} (Java nodes shut down, gopeer processes ended
 * by PID), whatever the test did. Register it as an instance field with
 * {@code @RegisterExtension}: before each test it finds gopeer (or aborts the test when gopeer is
 * missing and not required) and names the logs after the test; after each test it closes.
 */
final class MixedCluster implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    /** The longest wait for a cluster-wide condition. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Timings timings;
    private String gopeer;
    private String logPrefix;
    private final List<GoPeer> goPeers = new ArrayList<>();
    private final List<JavaPeer> javaPeers = new ArrayList<>();

    /** @param timings the timings of every node */
    MixedCluster(Timings timings) {
        this.timings = timings;
    }

    /** @throws org.opentest4j.TestAbortedException when gopeer is missing and not required */
    @Override
    public void beforeEach(ExtensionContext test) {
        this.gopeer = GoPeerBinary.require();
        String method = test.getRequiredTestMethod().getName();
        String variant = test.getDisplayName().equals(method + "()") ? ""
                : "." + test.getDisplayName().replaceAll("[^A-Za-z0-9=_-]+", "_");
        this.logPrefix = test.getRequiredTestClass().getSimpleName() + "." + method + variant;
    }

    @Override
    public void afterEach(ExtensionContext test) {
        close();
    }

    /**
     * Starts a Go node.
     *
     * @param name its name
     * @param flags more gopeer flags, after the timings
     * @return the node, ready
     */
    GoPeer go(String name, String... flags) {
        List<String> all = new ArrayList<>(timings.goFlags());
        all.addAll(List.of(flags));
        GoPeer peer = GoPeer.start(gopeer, logPrefix + "." + name, name, all);
        goPeers.add(peer);
        return peer;
    }

    /**
     * Starts a Java node.
     *
     * @param name its name
     * @param tweak adjusts its configuration after the timings
     * @return the node, running
     */
    JavaPeer java(String name, UnaryOperator<MemberlistConfig.Builder> tweak) {
        JavaPeer peer = JavaPeer.start(name, tweak.apply(timings.javaConfig()));
        javaPeers.add(peer);
        return peer;
    }

    /**
     * @param name its name
     * @return a Java node with the cluster's timings, running
     */
    JavaPeer java(String name) {
        return java(name, UnaryOperator.identity());
    }

    /**
     * Forms a cluster of {@code pairs} Go nodes ({@code g1…}) and as many Java nodes ({@code j1…}),
     * each joining the node started just before it (j1 joins g1, g2 joins j1, j2 joins g2, …), so
     * every join crosses between Go and Java; then waits until every node sees all of them.
     *
     * @param pairs how many Go and how many Java nodes
     */
    void formChain(int pairs) {
        String previous = null;
        for (int i = 1; i <= pairs; i++) {
            GoPeer go = previous == null ? go("g" + i) : go("g" + i, "-join", previous);
            if (previous != null) {
                go.await("joined", e -> true);
            }
            JavaPeer java = java("j" + i);
            assertThat(java.join(go.address())).succeedsWithin(WAIT);
            previous = java.address();
        }
        awaitConverged();
    }

    List<GoPeer> goPeers() {
        return List.copyOf(goPeers);
    }

    List<JavaPeer> javaPeers() {
        return List.copyOf(javaPeers);
    }

    /** @return the names of the nodes still running */
    Set<String> runningNames() {
        Set<String> names = new TreeSet<>();
        goPeers.stream().filter(GoPeer::isRunning).forEach(p -> names.add(p.name()));
        javaPeers.stream().filter(JavaPeer::isRunning).forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * Waits until every running node sees exactly the running nodes: Java nodes see them all alive,
     * Go nodes list them all as members.
     */
    void awaitConverged() {
        Set<String> expected = runningNames();
        await("every node sees " + expected).atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (JavaPeer peer : javaPeers) {
                if (peer.isRunning()) {
                    assertThat(peer.aliveNames()).as("alive nodes seen by %s", peer).isEqualTo(expected);
                }
            }
            for (GoPeer peer : goPeers) {
                if (peer.isRunning()) {
                    assertThat(peer.memberNames()).as("members seen by %s", peer).isEqualTo(expected);
                }
            }
        });
    }

    /** Stops every Java node and ends every gopeer process, then checks gopeer printed nothing but JSON. */
    @Override
    public void close() {
        try {
            javaPeers.forEach(JavaPeer::close);
        } finally {
            goPeers.forEach(GoPeer::close);
        }
        assertThat(goPeers.stream().flatMap(p -> p.process().badLines().stream().map(line -> p.name() + ": " + line)))
                .as("gopeer lines that are not JSON objects").isEmpty();
    }

    @Override
    public String toString() {
        return Stream.concat(goPeers.stream(), javaPeers.stream()).map(Object::toString).toList().toString();
    }
}
