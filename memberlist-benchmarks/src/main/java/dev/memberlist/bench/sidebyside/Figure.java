package dev.memberlist.bench.sidebyside;

/** What the harness measures, in the order of the table. */
enum Figure {
    CONVERGE_FROM_JOIN("converge, from the `join` command to N−1 ready processes", "s"),
    CONVERGE_FROM_START("converge, from starting N−1 processes with `-join`", "s"),
    CRASH_FIRST_SUSPECT("crash (SIGKILL) → first suspect", "s"),
    CRASH_FIRST_DEAD("crash → dead on the first survivor", "s"),
    CRASH_ALL_DEAD("crash → dead on every survivor", "s"),
    LEAVE_ALL("graceful leave → every survivor", "s"),
    IDLE_CPU("idle CPU per node", "ms/s"),
    EMPTY_JVM_CPU("idle CPU of an empty JVM, same window", "ms/s"),
    UDP_PACKETS("UDP packets sent per node per s", "/s"),
    UDP_BYTES("UDP bytes sent per node per s", "B/s"),
    TCP_BYTES("TCP bytes per node per s", "B/s"),
    RSS("RSS per node", "MiB"),
    EMPTY_JVM_RSS("RSS of an empty JVM", "MiB");

    private final String label;
    private final String unit;

    Figure(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** @return the row's name in the table */
    String label() {
        return label;
    }

    /** @return the unit printed after a value */
    String unit() {
        return unit;
    }

    /** @return whether the figure belongs to the implementation, so a Java/Go ratio means something (not the empty JVM's) */
    boolean comparesImplementations() {
        return this != EMPTY_JVM_CPU && this != EMPTY_JVM_RSS;
    }

    /** @return whether the figure is a time, measured every repetition and summarised as median and maximum */
    boolean isTiming() {
        return unit.equals("s");
    }
}
