package dev.memberlist;

import java.util.Optional;

/** What a node believes about another node; the numbers are Go's {@code NodeStateType}. */
public enum NodeState {
    /** Answering probes. */
    ALIVE(0),
    /** Missed a probe; will be declared dead unless it refutes in time. */
    SUSPECT(1),
    /** Declared failed. */
    DEAD(2),
    /** Left the cluster gracefully. */
    LEFT(3);

    private final int code;

    NodeState(int code) {
        this.code = code;
    }

    /** @return Go's number for this state, as sent in push/pull */
    public int code() {
        return code;
    }

    /**
     * @param code Go's number for a state
     * @return the state, or empty for a number Go does not define
     */
    public static Optional<NodeState> fromCode(int code) {
        for (NodeState state : values()) {
            if (state.code == code) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** @return whether the node is dead or has left, so is no longer a member */
    public boolean isDeadOrLeft() {
        return this == DEAD || this == LEFT;
    }
}
