package dev.memberlist.spring.lifecycle;

/** Where the join of the seeds stands. */
public enum JoinState {
    /** The node has not started yet. */
    NOT_STARTED,

    /** No join was asked for: there are no seeds, or joining is turned off. */
    NOT_REQUESTED,

    /**
     * The node is alone and looking for its seeds: it tries again and again, with backoff, until
     * another member is known, whether through its own join or because another node joined it.
     */
    JOINING,

    /** The node knows other members; should it find itself alone again, it goes back to {@link #JOINING}. */
    JOINED
}
