package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;

/**
 * Application data in a UDP packet: the raw bytes after the {@link MessageType#USER} type byte.
 *
 * @param payload the application's bytes
 */
public record UserMessage(Bytes payload) implements Message {

    /** Validates the field. */
    public UserMessage {
        requirePresent(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.USER;
    }
}
