package dev.memberlist.bench.sidebyside;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Follows one node's crash or leave through the survivors' events: the first {@code suspect} of it, and
 * each survivor's {@code leave} of it (memberlist's NotifyLeave covers both a declared death and a
 * graceful leave). Events stamped before the start are ignored. Not thread-safe.
 */
final class Detection {

    private final String victim;
    private final Set<Integer> survivors;
    private final long startMillis;
    private final Map<Integer, Long> goneAtMillis = new HashMap<>();
    private long firstSuspectMillis = -1;

    /**
     * @param victim the node that crashed or left
     * @param survivors the indices of the nodes that knew it and still run
     * @param startMillis when the crash or leave was caused, unix milliseconds
     */
    Detection(String victim, Set<Integer> survivors, long startMillis) {
        this.victim = victim;
        this.survivors = Set.copyOf(survivors);
        this.startMillis = startMillis;
    }

    /**
     * @param event any event
     * @return whether every survivor has now seen the victim go
     */
    boolean accept(NodeEvent event) {
        if (event.millis() >= startMillis && event.node().equals(victim) && survivors.contains(event.from())) {
            if (event.name().equals("suspect") && firstSuspectMillis < 0) {
                firstSuspectMillis = event.millis();
            } else if (event.name().equals("leave")) {
                goneAtMillis.putIfAbsent(event.from(), event.millis());
            }
        }
        return complete();
    }

    /** @return whether every survivor has seen the victim go */
    boolean complete() {
        return goneAtMillis.size() == survivors.size();
    }

    /** @return milliseconds from the start to the first suspicion */
    OptionalLong firstSuspect() {
        return firstSuspectMillis < 0 ? OptionalLong.empty() : OptionalLong.of(firstSuspectMillis - startMillis);
    }

    /** @return milliseconds from the start to the first survivor's leave event */
    OptionalLong first() {
        return goneAtMillis.values().stream().mapToLong(at -> at - startMillis).min();
    }

    /** @return milliseconds from the start to the last survivor's leave event, once all have one */
    OptionalLong all() {
        return complete() ? goneAtMillis.values().stream().mapToLong(at -> at - startMillis).max() : OptionalLong.empty();
    }

    /** @return how many survivors have not seen the victim go */
    int missing() {
        return survivors.size() - goneAtMillis.size();
    }
}
