package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;
import static dev.memberlist.wire.WireValues.requireU32;

/**
 * Answers a ping (Go {@code ackResp}).
 *
 * @param seqNo the sequence number of the ping answered (u32)
 * @param payload the ping delegate's payload, or {@link Bytes#NIL}
 */
public record AckResponse(long seqNo, Bytes payload) implements Message {

    /** Validates the fields. */
    public AckResponse {
        requireU32(seqNo, "seqNo");
        requirePresent(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.ACK_RESP;
    }
}
