package dev.memberlist.wire;

/**
 * Builds one wire message in a single growing array: a type byte, msgpack maps as Go writes them,
 * and raw bytes, in the order called. Not thread-safe; one instance per message.
 */
final class MessageWriter {

    private final GoMsgpackWriter out;

    /** @param initialCapacity the bytes expected; more are made room for as needed */
    MessageWriter(int initialCapacity) {
        out = new GoMsgpackWriter(initialCapacity);
    }

    /** @param type the message type, written as its one code byte */
    MessageWriter type(MessageType type) {
        out.writeByte(type.code());
        return this;
    }

    /**
     * @param message a record with a msgpack body, written as that map alone
     * @throws IllegalArgumentException for a {@link UserMessage} (it has no msgpack body), or if a
     *     count or {@code State} is negative or above its limit
     */
    MessageWriter body(Message message) {
        MessageEncoder.writeBody(message, out);
        return this;
    }

    /** @param bytes written as they are */
    MessageWriter raw(byte[] bytes) {
        out.writeRaw(bytes);
        return this;
    }

    /** @return everything written, in an array of exactly that length */
    byte[] toByteArray() {
        return out.toByteArray();
    }
}
