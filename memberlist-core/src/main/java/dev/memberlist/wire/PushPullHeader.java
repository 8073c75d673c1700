package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requireNonNegative;

/**
 * Starts a push/pull exchange (Go {@code pushPullHeader}); node states and user state follow.
 *
 * @param nodes how many {@link PushNodeState}s follow
 * @param userStateLen how many raw user-state bytes follow the node states
 * @param join whether the initiator is joining (the responder echoes it)
 */
public record PushPullHeader(int nodes, int userStateLen, boolean join) implements Message {

    /** Validates the fields. */
    public PushPullHeader {
        requireNonNegative(nodes, "nodes");
        requireNonNegative(userStateLen, "userStateLen");
    }

    @Override
    public MessageType type() {
        return MessageType.PUSH_PULL;
    }
}
