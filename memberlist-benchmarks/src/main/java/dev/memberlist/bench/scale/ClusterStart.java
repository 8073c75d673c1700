package dev.memberlist.bench.scale;

import java.util.Locale;

/** How a harness run brings its N nodes together before the measurements. */
enum ClusterStart {

    /**
     * Every node starts knowing all N alive, as a finished rollout leaves them (the simulation kit's
     * converged start): the run measures a cluster of N in its steady state, from the first
     * virtual second, and the nodes share the records of that starting knowledge.
     */
    CONVERGED,

    /**
     * The nodes roll out in join waves, each as large as the cluster already is, every joiner
     * through a push/pull with a random node that has already joined; the run measures how long
     * until every node sees all N. Every node then queues an alive broadcast per node it learned
     * and holds its own record of each, so this costs N² in time and memory.
     */
    ROLLOUT;

    /**
     * @param text {@code converged} or {@code rollout}
     * @return the start
     * @throws IllegalArgumentException for anything else
     */
    static ClusterStart parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--start must be converged or rollout: " + text, e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
