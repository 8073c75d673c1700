package dev.memberlist.spring.event;

import dev.memberlist.Node;

import java.util.Objects;

/**
 * A node joined the cluster, or came back after it failed or left. Published for the local node
 * too, when it starts.
 */
public final class MemberJoinedEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final Node member;

    /**
     * @param source the publisher
     * @param member the node as now known
     */
    public MemberJoinedEvent(Object source, Node member) {
        super(source);
        this.member = Objects.requireNonNull(member, "member");
    }

    /** @return the node as known when it joined */
    public Node getMember() {
        return member;
    }

    /** @return the event, the member and why: it joined */
    @Override
    public String toString() {
        return "MemberJoinedEvent[member=" + member + ", reason=joined]";
    }
}
