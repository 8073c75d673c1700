package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;
import static dev.memberlist.wire.WireValues.requireU32;

/**
 * Declares a node dead (Go {@code dead}); when {@code from} equals {@code node} the node left.
 *
 * @param incarnation the node's incarnation (u32)
 * @param node the node declared dead
 * @param from the declaring node
 */
public record Dead(long incarnation, String node, String from) implements Message {

    /** Validates the fields. */
    public Dead {
        requireU32(incarnation, "incarnation");
        requirePresent(node, "node");
        requirePresent(from, "from");
    }

    /** @return whether this announces a graceful leave ({@code from == node}) */
    public boolean isLeave() {
        return node.equals(from);
    }

    @Override
    public MessageType type() {
        return MessageType.DEAD;
    }
}
