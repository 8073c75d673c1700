package dev.memberlist.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Every node the local node knows, including itself and dead or left nodes not yet reaped: Go's
 * {@code nodes} list and {@code nodeMap}. The list order is the probe order; new nodes go to a
 * random position and the list is reshuffled after each full pass.
 *
 * <p>Only the engine thread writes. {@link #records()} and {@link #get} may be read from any
 * thread: records are immutable and the map is concurrent, so a reader sees each node consistently
 * (though not all nodes at one instant).
 */
public final class NodeTable {

    private final Map<String, NodeRecord> byName;
    private final List<String> order;
    private int probeIndex;

    /** A table for a node that starts alone. */
    public NodeTable() {
        byName = new ConcurrentHashMap<>();
        order = new ArrayList<>();
    }

    /**
     * A table sized for a node that starts knowing many nodes, so that filling it copies nothing.
     *
     * @param expectedNodes how many nodes it will hold soon
     */
    public NodeTable(int expectedNodes) {
        byName = new ConcurrentHashMap<>(expectedNodes);
        order = new ArrayList<>(expectedNodes);
    }

    /**
     * @param name a node name
     * @return the node's record, if known
     */
    public Optional<NodeRecord> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return how many nodes are known, Go's {@code estNumNodes}: self, live, and unreaped dead or left */
    public int size() {
        return order.size();
    }

    /** @return a live, unmodifiable view of all records, safe to iterate from any thread */
    public Collection<NodeRecord> records() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /**
     * Adds a node not yet known, at a random position of the probe order.
     *
     * @param record the new node
     * @param random picks the position
     */
    public void insert(NodeRecord record, RandomGenerator random) {
        if (byName.putIfAbsent(record.name(), record) != null) {
            throw new IllegalStateException("node already known: " + record.name());
        }
        order.add(record.name());
        int last = order.size() - 1;
        Collections.swap(order, last, random.nextInt(order.size()));
    }

    /**
     * Replaces the record of a known node.
     *
     * @param record the node's new record
     */
    public void replace(NodeRecord record) {
        if (byName.replace(record.name(), record) == null) {
            throw new IllegalStateException("node not known: " + record.name());
        }
    }

    /**
     * Picks the next node to probe, as Go's {@code probe()} does: round-robin over the probe order,
     * skipping the local node and dead or left nodes. When the pass wraps, dead and left nodes whose
     * state changed more than {@code reapAfterNanos} ago are removed and the order reshuffled.
     *
     * @param self the local node's name
     * @param nowNanos engine time
     * @param reapAfterNanos the age after which dead and left nodes are forgotten
     * @param random reshuffles the order
     * @param onReap told of every reaped record
     * @return the node to probe, or empty when there is none
     */
    public Optional<NodeRecord> nextProbeTarget(String self, long nowNanos, long reapAfterNanos, RandomGenerator random,
                                                Consumer<NodeRecord> onReap) {
        int checked = 0;
        while (checked < order.size()) {
            if (probeIndex >= order.size()) {
                reap(nowNanos, reapAfterNanos, onReap);
                shuffle(random);
                probeIndex = 0;
                checked++;
                continue;
            }
            NodeRecord candidate = byName.get(order.get(probeIndex));
            probeIndex++;
            if (candidate.name().equals(self) || candidate.isDeadOrLeft()) {
                checked++;
                continue;
            }
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /**
     * Picks up to {@code k} distinct random nodes, as Go's {@code kRandomNodes}: with fewer than
     * {@code 3k} nodes it shuffles a copy and takes the first eligible ones, otherwise it makes up
     * to {@code 3n} random draws.
     *
     * @param k how many nodes to pick
     * @param exclude nodes to skip
     * @param random the randomness
     * @return at most {@code k} eligible nodes
     */
    public List<NodeRecord> randomNodes(int k, Predicate<NodeRecord> exclude, RandomGenerator random) {
        int n = order.size();
        List<NodeRecord> picked = new ArrayList<>(Math.min(k, n));
        if (n < 3 * k) {
            List<String> shuffled = new ArrayList<>(order);
            shuffle(shuffled, random);
            for (int i = 0; i < n && picked.size() < k; i++) {
                NodeRecord candidate = byName.get(shuffled.get(i));
                if (!exclude.test(candidate)) {
                    picked.add(candidate);
                }
            }
            return picked;
        }
        for (int draw = 0; draw < 3 * n && picked.size() < k; draw++) {
            NodeRecord candidate = byName.get(order.get(random.nextInt(n)));
            if (!exclude.test(candidate) && !containsName(picked, candidate.name())) {
                picked.add(candidate);
            }
        }
        return picked;
    }

    private void reap(long nowNanos, long reapAfterNanos, Consumer<NodeRecord> onReap) {
        order.removeIf(name -> {
            NodeRecord record = byName.get(name);
            boolean reaped = record.isDeadOrLeft() && nowNanos - record.stateChangeNanos() > reapAfterNanos;
            if (reaped) {
                byName.remove(name);
                onReap.accept(record);
            }
            return reaped;
        });
    }

    private void shuffle(RandomGenerator random) {
        shuffle(order, random);
    }

    private static void shuffle(List<String> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private static boolean containsName(List<NodeRecord> records, String name) {
        for (NodeRecord record : records) {
            if (record.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
