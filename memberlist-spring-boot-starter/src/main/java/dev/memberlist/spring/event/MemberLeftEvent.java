package dev.memberlist.spring.event;

import dev.memberlist.Node;
import dev.memberlist.NodeState;

import java.util.Objects;

/** A node stopped being a member: it left gracefully or was declared failed. */
public final class MemberLeftEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final Node member;

    /**
     * @param source the publisher
     * @param member the node as now known, {@link NodeState#LEFT} or {@link NodeState#DEAD}
     */
    public MemberLeftEvent(Object source, Node member) {
        super(source);
        this.member = Objects.requireNonNull(member, "member");
        if (!member.state().isDeadOrLeft()) {
            throw new IllegalArgumentException("a node that left must be DEAD or LEFT, not " + member.state());
        }
    }

    /** @return the node as known when it left */
    public Node getMember() {
        return member;
    }

    /** @return why it stopped being a member */
    public Reason getReason() {
        return member.state() == NodeState.LEFT ? Reason.LEFT : Reason.FAILED;
    }

    /** @return the event, the member and why: it left or failed */
    @Override
    public String toString() {
        return "MemberLeftEvent[member=" + member + ", reason=" + getReason() + "]";
    }

    /** Why a node stopped being a member. */
    public enum Reason {
        /** It left gracefully. */
        LEFT,

        /** It was declared dead after a suspicion that it did not refute. */
        FAILED
    }
}
