package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requireNonNegative;

/**
 * Precedes a reliable (TCP) user message (Go {@code userMsgHeader}).
 *
 * @param userMsgLen how many raw bytes follow
 */
public record UserMessageHeader(int userMsgLen) implements Message {

    /** Validates the field. */
    public UserMessageHeader {
        requireNonNegative(userMsgLen, "userMsgLen");
    }

    @Override
    public MessageType type() {
        return MessageType.USER;
    }
}
