package dev.memberlist.wire;

import java.util.List;

/**
 * What one UDP packet held: its messages, with compounds and compression unwrapped, and the errors
 * of parts that could not be read (the other parts are still delivered, as Go does).
 *
 * @param messages the messages, in order
 * @param partErrors why some parts were dropped
 */
public record DecodedPacket(List<Message> messages, List<WireFormatException> partErrors) {

    /** Copies the lists. */
    public DecodedPacket {
        messages = List.copyOf(messages);
        partErrors = List.copyOf(partErrors);
    }
}
