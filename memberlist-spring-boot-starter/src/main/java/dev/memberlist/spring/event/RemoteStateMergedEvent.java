package dev.memberlist.spring.event;

/**
 * Application state from another node arrived in a push/pull exchange (Go's
 * {@code MergeRemoteState}), after the {@code Delegate} bean, if any, merged it.
 */
public final class RemoteStateMergedEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final byte[] state;

    private final boolean join;

    /**
     * @param source the publisher
     * @param state the remote state (copied)
     * @param join whether the exchange was part of a join
     */
    public RemoteStateMergedEvent(Object source, byte[] state, boolean join) {
        super(source);
        this.state = state.clone();
        this.join = join;
    }

    /** @return a copy of the remote state */
    public byte[] getState() {
        return state.clone();
    }

    /** @return whether the exchange was part of a join */
    public boolean isJoin() {
        return join;
    }

    /** @return the event and its size; memberlist does not name the remote node */
    @Override
    public String toString() {
        return "RemoteStateMergedEvent[member=unknown, reason=" + (join ? "join " : "") + "push/pull state of "
                + state.length + " bytes]";
    }
}
