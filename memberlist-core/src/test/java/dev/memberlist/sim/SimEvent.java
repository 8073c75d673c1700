package dev.memberlist.sim;

/**
 * One thing a simulated node observed, stamped with virtual time.
 *
 * @param atNanos virtual time
 * @param observer the node that observed it
 * @param kind what happened
 * @param subject the node it happened to
 */
public record SimEvent(long atNanos, String observer, Kind kind, String subject) {

    /** What a node observed. */
    public enum Kind {
        /** {@code notifyJoin} */
        JOINED,
        /** {@code notifyLeave} for a node declared dead */
        DIED,
        /** {@code notifyLeave} for a node that left */
        LEFT,
        /** {@code notifyUpdate} */
        UPDATED,
        /** the observer started suspecting the subject */
        SUSPECTED,
        /** a name conflict about the subject */
        CONFLICT
    }
}
