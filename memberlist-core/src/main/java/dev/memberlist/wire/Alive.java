package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;
import static dev.memberlist.wire.WireValues.requireU16;
import static dev.memberlist.wire.WireValues.requireU32;

/**
 * Announces a node: on join, to refute a suspicion, and on a metadata update (Go {@code alive}).
 *
 * @param incarnation the node's incarnation (u32; Go never sends 0)
 * @param node the node's name
 * @param addr the node's IP, 4 or 16 bytes, kept exactly as received
 * @param port the node's port (UDP and TCP)
 * @param meta the node's metadata, or {@link Bytes#NIL}
 * @param vsn the six version bytes (see {@link Vsn}); kept as received, whatever their length
 */
public record Alive(long incarnation, String node, Bytes addr, int port, Bytes meta, Bytes vsn) implements Message {

    /** Validates the fields. */
    public Alive {
        requireU32(incarnation, "incarnation");
        requirePresent(node, "node");
        requirePresent(addr, "addr");
        requireU16(port, "port");
        requirePresent(meta, "meta");
        requirePresent(vsn, "vsn");
    }

    @Override
    public MessageType type() {
        return MessageType.ALIVE;
    }
}
