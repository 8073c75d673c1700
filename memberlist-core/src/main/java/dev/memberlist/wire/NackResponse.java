package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requireU32;

/**
 * A relay's report that the target of an indirect probe did not answer (Go {@code nackResp}).
 *
 * @param seqNo the originator's probe sequence number (u32)
 */
public record NackResponse(long seqNo) implements Message {

    /** Validates the field. */
    public NackResponse {
        requireU32(seqNo, "seqNo");
    }

    @Override
    public MessageType type() {
        return MessageType.NACK_RESP;
    }
}
