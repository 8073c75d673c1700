package dev.memberlist.bench.scale;

import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.delegate.EventDelegate;

import java.util.HashMap;
import java.util.Map;

/**
 * What every simulated node sees, kept up to date from its join and leave events, so that the
 * harness can ask "has every node seen all N?" and "has every node seen this death?" in constant
 * time instead of walking N views of N members. Single-threaded, like the simulation.
 */
final class MemberViews {

    private final int clusterSize;
    private final boolean startConverged;
    private final Map<String, Integer> joinsBySubject = new HashMap<>();
    private final Map<String, Integer> deathsBySubject = new HashMap<>();
    private int views;
    private int complete;

    /**
     * @param clusterSize the number of nodes a complete view holds
     * @param startConverged whether the first {@code clusterSize} nodes start knowing all the others
     *     without join events ({@link ClusterStart#CONVERGED}); their views then start complete but
     *     for the local node, which each announces to itself
     */
    MemberViews(int clusterSize, boolean startConverged) {
        this.clusterSize = clusterSize;
        this.startConverged = startConverged;
    }

    /** @return an event delegate that keeps one more node's view */
    EventDelegate newView() {
        boolean knowsOthers = startConverged && views < clusterSize;
        views++;
        return new View(knowsOthers ? clusterSize - 1 : 0);
    }

    /** @return whether every node sees all {@code clusterSize} nodes as members */
    boolean converged() {
        return complete == clusterSize;
    }

    /** @return how many nodes see all {@code clusterSize} nodes as members */
    int complete() {
        return complete;
    }

    /**
     * @param subject a node's name
     * @return how many nodes have learned of it through a join event (itself included)
     */
    int joinsOf(String subject) {
        return joinsBySubject.getOrDefault(subject, 0);
    }

    /**
     * @param subject a node's name
     * @return how many nodes have declared it dead
     */
    int deathsOf(String subject) {
        return deathsBySubject.getOrDefault(subject, 0);
    }

    /**
     * @param except the node that really died
     * @return how many times any node declared another live node dead
     */
    int deathsExcept(String except) {
        int count = 0;
        for (Map.Entry<String, Integer> entry : deathsBySubject.entrySet()) {
            if (!entry.getKey().equals(except)) {
                count += entry.getValue();
            }
        }
        return count;
    }

    private final class View implements EventDelegate {
        private int members;

        View(int members) {
            this.members = members;
        }

        @Override
        public void notifyJoin(Node node) {
            change(1);
            joinsBySubject.merge(node.name(), 1, Integer::sum);
        }

        @Override
        public void notifyLeave(Node node) {
            change(-1);
            if (node.state() == NodeState.DEAD) {
                deathsBySubject.merge(node.name(), 1, Integer::sum);
            }
        }

        private void change(int delta) {
            if (members == clusterSize) {
                complete--;
            }
            members += delta;
            if (members == clusterSize) {
                complete++;
            }
        }
    }
}
