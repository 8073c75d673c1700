package dev.memberlist.wire;

/**
 * A memberlist wire message: one record per Go message struct, each encoded as a msgpack map with
 * Go's field names (see {@link MessageCodec}). {@link UserMessage} is the one exception: on UDP
 * it is raw bytes after its type byte.
 */
public sealed interface Message
        permits Ping, IndirectPingRequest, AckResponse, NackResponse, ErrorResponse, Suspect, Alive, Dead,
        PushPullHeader, PushNodeState, UserMessageHeader, UserMessage, Compress {

    /** @return the type byte this message travels under */
    MessageType type();
}
