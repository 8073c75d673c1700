package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;
import static dev.memberlist.wire.WireValues.requireU16;
import static dev.memberlist.wire.WireValues.requireU32;

/**
 * A direct probe (Go {@code ping}), also sent over TCP as the fallback ping.
 *
 * @param seqNo the prober's sequence number, echoed in the ack (u32)
 * @param node the intended recipient's name; a receiver with another name drops the ping
 * @param sourceAddr the prober's advertised IP (4 or 16 bytes), or empty when not sent
 * @param sourcePort the prober's advertised port, or 0 when not sent
 * @param sourceNode the prober's name, or empty when not sent
 */
public record Ping(long seqNo, String node, Bytes sourceAddr, int sourcePort, String sourceNode) implements Message {

    /** Validates the fields. */
    public Ping {
        requireU32(seqNo, "seqNo");
        requirePresent(node, "node");
        requirePresent(sourceAddr, "sourceAddr");
        requireU16(sourcePort, "sourcePort");
        requirePresent(sourceNode, "sourceNode");
    }

    @Override
    public MessageType type() {
        return MessageType.PING;
    }
}
