package dev.memberlist.gossip;

import java.util.Objects;

/**
 * One message to gossip a limited number of times (Go's {@code Broadcast}).
 *
 * @param name the node the message is about; a newer broadcast with the same name replaces this one
 * @param message the encoded message, type byte first
 * @param onFinished run once, when the message has been sent often enough or was replaced; may be null
 */
public record Broadcast(String name, byte[] message, Runnable onFinished) {

    /** Validates the fields. */
    public Broadcast {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }
}
