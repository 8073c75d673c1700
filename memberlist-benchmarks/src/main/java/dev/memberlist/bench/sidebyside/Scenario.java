package dev.memberlist.bench.sidebyside;

/**
 * One cell of the matrix: a memberlist preset and a cluster size.
 *
 * @param preset {@code lan}, {@code local} or {@code wan}, passed as {@code -config} to every peer
 * @param nodes how many nodes, one process each
 */
record Scenario(String preset, int nodes) {

    /** Validates the fields. */
    Scenario {
        if (!preset.equals("lan") && !preset.equals("local") && !preset.equals("wan")) {
            throw new IllegalArgumentException("unknown preset " + preset + ": use lan, local or wan");
        }
        if (nodes < 2) {
            throw new IllegalArgumentException("a cluster needs at least 2 nodes: " + nodes);
        }
    }

    @Override
    public String toString() {
        return preset + ", N = " + nodes;
    }
}
