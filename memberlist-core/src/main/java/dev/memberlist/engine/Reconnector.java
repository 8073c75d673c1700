package dev.memberlist.engine;

import dev.memberlist.state.NodeRecord;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Remembers nodes declared dead (not those that left) and picks one now and then for a push/pull,
 * so that a cluster split by a long partition joins up again after it heals, even once the halves
 * have forgotten each other. Go memberlist leaves this to the application (Serf's reconnect loop);
 * here it is built in and can be turned off. Engine thread only.
 */
final class Reconnector {

    private final long timeoutNanos;
    private final Map<String, Failed> failed = new LinkedHashMap<>();

    /**
     * @param timeoutNanos how long to keep trying a dead node
     */
    Reconnector(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    void died(NodeRecord node, long nowNanos) {
        failed.put(node.name(), new Failed(Addresses.of(node), nowNanos));
    }

    void forget(String name) {
        failed.remove(name);
    }

    /**
     * Drops nodes tried for too long, then picks one of the rest at random.
     *
     * @param nowNanos engine time
     * @param random picks the node
     * @return the address to try, if any
     */
    Optional<InetSocketAddress> pick(long nowNanos, RandomGenerator random) {
        List<Failed> candidates = new ArrayList<>(failed.size());
        for (Iterator<Failed> it = failed.values().iterator(); it.hasNext(); ) {
            Failed entry = it.next();
            if (nowNanos - entry.sinceNanos > timeoutNanos) {
                it.remove();
            } else {
                candidates.add(entry);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(random.nextInt(candidates.size())).address);
    }

    int size() {
        return failed.size();
    }

    private record Failed(InetSocketAddress address, long sinceNanos) {
    }
}
