package dev.memberlist.spring.event;

/**
 * A user message arrived: sent best-effort (UDP), reliably (TCP), or as a user broadcast. Like Go's
 * {@code NotifyMsg}, memberlist does not tell who sent it; put the sender in the message.
 */
public final class UserMessageReceivedEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final byte[] message;

    /**
     * @param source the publisher
     * @param message the message (copied)
     */
    public UserMessageReceivedEvent(Object source, byte[] message) {
        super(source);
        this.message = message.clone();
    }

    /** @return a copy of the message */
    public byte[] getMessage() {
        return message.clone();
    }

    /** @return the event and its size; memberlist does not know the sender */
    @Override
    public String toString() {
        return "UserMessageReceivedEvent[member=unknown (put the sender in the message), reason=user message of "
                + message.length + " bytes]";
    }
}
