package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;

/**
 * A TCP responder's error (Go {@code errResp}).
 *
 * @param error human-readable error text
 */
public record ErrorResponse(String error) implements Message {

    /** Validates the field. */
    public ErrorResponse {
        requirePresent(error, "error");
    }

    @Override
    public MessageType type() {
        return MessageType.ERR;
    }
}
