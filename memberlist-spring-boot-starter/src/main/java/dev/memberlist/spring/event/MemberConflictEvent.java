package dev.memberlist.spring.event;

import dev.memberlist.Node;

import java.util.Objects;

/** A node at another address claimed the name of a live member. */
public final class MemberConflictEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final Node member;

    private final Node other;

    /**
     * @param source the publisher
     * @param member the member as known
     * @param other the node claiming the same name
     */
    public MemberConflictEvent(Object source, Node member, Node other) {
        super(source);
        this.member = Objects.requireNonNull(member, "member");
        this.other = Objects.requireNonNull(other, "other");
    }

    /** @return the member as known */
    public Node getMember() {
        return member;
    }

    /** @return the node claiming the member's name */
    public Node getOther() {
        return other;
    }

    /** @return the event, the member and why: another node claims its name */
    @Override
    public String toString() {
        return "MemberConflictEvent[member=" + member + ", reason=name claimed by " + other + "]";
    }
}
