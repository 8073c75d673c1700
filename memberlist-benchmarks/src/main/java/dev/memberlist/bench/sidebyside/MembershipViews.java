package dev.memberlist.bench.sidebyside;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What every node of a cluster believes the membership is, from its {@code join} and {@code leave}
 * events (each node's own {@code join} comes first), and when each one last reached the full count.
 * Not thread-safe; the cluster's one reader feeds it.
 */
final class MembershipViews {

    private final int expected;
    private final List<Set<String>> views = new ArrayList<>();
    private final long[] completeAtMillis;

    /** @param nodes how many nodes there are, and how many each should see */
    MembershipViews(int nodes) {
        this.expected = nodes;
        this.completeAtMillis = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            views.add(new HashSet<>());
            completeAtMillis[i] = -1;
        }
    }

    /** @param event any event; {@code join} and {@code leave} change the view of the node that printed it */
    void accept(NodeEvent event) {
        Set<String> view = views.get(event.from());
        if (event.name().equals("join")) {
            view.add(event.node());
        } else if (event.name().equals("leave")) {
            view.remove(event.node());
        } else {
            return;
        }
        if (view.size() >= expected) {
            if (completeAtMillis[event.from()] < 0) {
                completeAtMillis[event.from()] = event.millis();
            }
        } else {
            completeAtMillis[event.from()] = -1;
        }
    }

    /** @return whether every node sees every node */
    boolean converged() {
        for (long at : completeAtMillis) {
            if (at < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return when the last node came to see every node (its own stamp), or -1 before convergence */
    long convergedAtMillis() {
        if (!converged()) {
            return -1;
        }
        long last = 0;
        for (long at : completeAtMillis) {
            last = Math.max(last, at);
        }
        return last;
    }

    /** @return the smallest view, for a "not converged" message */
    int smallestView() {
        return views.stream().mapToInt(Set::size).min().orElse(0);
    }

    /** @return how many nodes do not see every node */
    int incomplete() {
        int incomplete = 0;
        for (long at : completeAtMillis) {
            if (at < 0) {
                incomplete++;
            }
        }
        return incomplete;
    }

    /**
     * @param node a node's index
     * @param name another node's name
     * @return whether the first currently sees the second
     */
    boolean sees(int node, String name) {
        return views.get(node).contains(name);
    }
}
