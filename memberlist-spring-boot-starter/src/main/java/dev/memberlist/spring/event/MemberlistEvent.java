package dev.memberlist.spring.event;

import org.springframework.context.ApplicationEvent;

/**
 * Something memberlist observed, published as an application event. Events are published from one
 * thread ({@code memberlist-events}), in the order memberlist observed them, so a slow
 * {@code @EventListener} delays later events but never the protocol.
 */
public abstract sealed class MemberlistEvent extends ApplicationEvent
        permits MemberJoinedEvent, MemberLeftEvent, MemberUpdatedEvent, MemberConflictEvent, UserMessageReceivedEvent,
        RemoteStateMergedEvent, JoinSucceededEvent, JoinFailedEvent {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the publisher
     */
    protected MemberlistEvent(Object source) {
        super(source);
    }
}
