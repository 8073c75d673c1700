package dev.memberlist.spring.event;

import dev.memberlist.Node;

import java.util.Objects;

/** A live node changed its metadata. */
public final class MemberUpdatedEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final Node member;

    /**
     * @param source the publisher
     * @param member the node as now known
     */
    public MemberUpdatedEvent(Object source, Node member) {
        super(source);
        this.member = Objects.requireNonNull(member, "member");
    }

    /** @return the node with its new metadata */
    public Node getMember() {
        return member;
    }

    /** @return the event, the member and why: its metadata changed */
    @Override
    public String toString() {
        return "MemberUpdatedEvent[member=" + member + ", reason=metadata changed]";
    }
}
