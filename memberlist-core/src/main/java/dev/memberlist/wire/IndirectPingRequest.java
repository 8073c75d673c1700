package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;
import static dev.memberlist.wire.WireValues.requireU16;
import static dev.memberlist.wire.WireValues.requireU32;

/**
 * Asks a relay to probe a node for the sender (Go {@code indirectPingReq}).
 *
 * @param seqNo the originator's probe sequence number (u32)
 * @param target the IP of the node to probe
 * @param port the port of the node to probe
 * @param node the name of the node to probe
 * @param nack whether the originator wants a nack when the target stays silent
 * @param sourceAddr the originator's advertised IP, or empty when not sent
 * @param sourcePort the originator's advertised port, or 0 when not sent
 * @param sourceNode the originator's name, or empty when not sent
 */
public record IndirectPingRequest(long seqNo, Bytes target, int port, String node, boolean nack,
                                  Bytes sourceAddr, int sourcePort, String sourceNode) implements Message {

    /** Validates the fields. */
    public IndirectPingRequest {
        requireU32(seqNo, "seqNo");
        requirePresent(target, "target");
        requireU16(port, "port");
        requirePresent(node, "node");
        requirePresent(sourceAddr, "sourceAddr");
        requireU16(sourcePort, "sourcePort");
        requirePresent(sourceNode, "sourceNode");
    }

    @Override
    public MessageType type() {
        return MessageType.INDIRECT_PING;
    }
}
