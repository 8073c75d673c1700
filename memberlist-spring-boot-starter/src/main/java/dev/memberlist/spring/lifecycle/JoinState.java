package dev.memberlist.spring.lifecycle;

/** Where the join of the configured seeds stands. */
public enum JoinState {
    /** The node has not started yet. */
    NOT_STARTED,

    /** No join was asked for: there are no seeds, or joining on start is turned off. */
    NOT_REQUESTED,

    /** Joining the seeds, possibly retrying. */
    JOINING,

    /** At least one seed was reached. */
    JOINED,

    /** Every attempt failed; the node runs alone until another node joins it. */
    FAILED
}
