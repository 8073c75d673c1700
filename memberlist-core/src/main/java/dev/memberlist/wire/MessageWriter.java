package dev.memberlist.wire;

import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Builds one wire message in a single growing array: a type byte, msgpack maps as Go writes them,
 * and raw bytes, in the order called. Not thread-safe; one instance per message.
 */
final class MessageWriter {

    /** Go's codec has no str8; {@link MessageEncoder} writes the str16 header itself, as Go does. */
    private static final MessagePack.PackerConfig GO_PACKER =
            new MessagePack.PackerConfig().withStr8FormatSupport(false);

    private final GrowableBufferOutput out;
    private final MessagePacker packer;

    /** @param initialCapacity the bytes expected; more are made room for as needed */
    MessageWriter(int initialCapacity) {
        out = new GrowableBufferOutput(initialCapacity);
        packer = GO_PACKER.newPacker(out);
    }

    /** @param type the message type, written as its one code byte */
    MessageWriter type(MessageType type) {
        return raw(new byte[] {(byte) type.code()});
    }

    /** @param message a record with a msgpack body, written as that map alone */
    MessageWriter body(Message message) {
        MessageCodec.encodeBody(message, packer);
        return this;
    }

    /** @param bytes written as they are */
    MessageWriter raw(byte[] bytes) {
        try {
            packer.writePayload(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** @return everything written, in an array of exactly that length */
    byte[] toByteArray() {
        try {
            packer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
