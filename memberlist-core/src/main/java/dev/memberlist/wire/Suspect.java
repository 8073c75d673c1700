package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;
import static dev.memberlist.wire.WireValues.requireU32;

/**
 * Accuses a node of being unreachable (Go {@code suspect}).
 *
 * @param incarnation the accused node's incarnation as the accuser knows it (u32)
 * @param node the accused node
 * @param from the accuser
 */
public record Suspect(long incarnation, String node, String from) implements Message {

    /** Validates the fields. */
    public Suspect {
        requireU32(incarnation, "incarnation");
        requirePresent(node, "node");
        requirePresent(from, "from");
    }

    @Override
    public MessageType type() {
        return MessageType.SUSPECT;
    }
}
