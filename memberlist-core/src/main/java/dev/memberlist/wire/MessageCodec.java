package dev.memberlist.wire;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes memberlist messages exactly as Go does: a type byte, then a msgpack map keyed
 * by Go's field names in sorted order, strings and byte slices in the raw string family (fixstr,
 * str16, str32; never str8 or bin), nil byte slices as msgpack nil, and integers in their smallest
 * unsigned form. Go {@code int} fields above 127 use the unsigned forms of Go's 0.5 codec (memberlist
 * 0.2.2), which newer Go codecs accept too. Decoding accepts everything Go accepts (see
 * {@link MsgpackReader}). Stateless and thread-safe.
 */
public final class MessageCodec {

    /** Go HEAD's upper bound on {@code PushPullHeader.Nodes}. */
    public static final int MAX_PUSH_PULL_NODES = 1 << 20;
    /** Go HEAD's upper bound on user state and user message lengths: 20 MiB. */
    public static final int MAX_USER_BYTES = 20 * 1024 * 1024;

    private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withStr8FormatSupport(false);
    private static final ThreadLocal<MessageBufferPacker> PACKERS = ThreadLocal.withInitial(PACKER::newBufferPacker);

    private MessageCodec() {
    }

    /** A decoded msgpack body and how many bytes it took. */
    public record Decoded<T extends Message>(T message, int consumed) {
    }

    /**
     * Encodes a message with its type byte. {@link UserMessage} becomes {@code 0x08} + raw bytes.
     * {@link PushPullHeader}, {@link PushNodeState} and {@link UserMessageHeader} travel only inside
     * streams after a type byte of their own, so for them this returns the msgpack map alone.
     *
     * @param message the message
     * @return the encoded bytes
     */
    public static byte[] encode(Message message) {
        if (message instanceof UserMessage user) {
            byte[] payload = user.payload().array();
            byte[] out = new byte[payload.length + 1];
            out[0] = (byte) MessageType.USER.code();
            System.arraycopy(payload, 0, out, 1, payload.length);
            return out;
        }
        MessageBufferPacker packer = PACKERS.get();
        packer.clear();
        try {
            if (!isStreamOnly(message)) {
                packer.writePayload(new byte[] {(byte) message.type().code()});
            }
            encodeBody(message, packer);
            packer.flush();
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            packer.clear();
        }
    }

    /**
     * Writes a message's msgpack map, without a type byte.
     *
     * @param message any message but {@link UserMessage}, which has no msgpack body
     * @param packer where to write; it must not use str8 for Go interop
     * @throws IOException when the packer fails
     */
    public static void encodeBody(Message message, MessagePacker packer) throws IOException {
        MessageEncoder.encode(message, packer);
    }

    /**
     * Decodes one message that starts with its type byte: ping, indirect ping, ack, nack, suspect,
     * alive, dead, user (the rest of the input is its payload), compress (not decompressed here) and
     * err. Bytes after the msgpack map are ignored, as Go ignores them.
     *
     * @param buf the input
     * @param offset where the type byte is
     * @param length how many bytes belong to the message
     * @return the message
     * @throws WireFormatException for anything that is not such a message
     */
    public static Message decode(byte[] buf, int offset, int length) {
        if (length <= 0) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "empty message");
        }
        if (offset < 0 || offset > buf.length - length) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "input range out of bounds");
        }
        int code = buf[offset] & 0xff;
        MessageType type = MessageType.fromCode(code).orElseThrow(() ->
                new WireFormatException(WireFormatException.Reason.UNKNOWN_TYPE, "unknown message type " + code));
        if (type == MessageType.USER) {
            return new UserMessage(Bytes.copyOf(buf, offset + 1, length - 1));
        }
        Class<? extends Message> kind = switch (type) {
            case PING -> Ping.class;
            case INDIRECT_PING -> IndirectPingRequest.class;
            case ACK_RESP -> AckResponse.class;
            case NACK_RESP -> NackResponse.class;
            case SUSPECT -> Suspect.class;
            case ALIVE -> Alive.class;
            case DEAD -> Dead.class;
            case COMPRESS -> Compress.class;
            case ERR -> ErrorResponse.class;
            default -> throw new WireFormatException(WireFormatException.Reason.UNKNOWN_TYPE,
                    "message type " + type + " (" + code + ") cannot be decoded on its own");
        };
        return decodeBody(kind, buf, offset + 1, length - 1).message();
    }

    /**
     * @param buf the input, starting with the type byte
     * @return the message
     * @see #decode(byte[], int, int)
     */
    public static Message decode(byte[] buf) {
        return decode(buf, 0, buf.length);
    }

    /**
     * Decodes one msgpack map, without a type byte, as the given message type.
     *
     * @param kind the record class (any message but {@link UserMessage})
     * @param buf the input
     * @param offset where the map starts
     * @param length how many bytes are available
     * @param <T> the message type
     * @return the message and the bytes it took
     * @throws WireFormatException with reason {@code TRUNCATED} when the input ends inside the map
     *     (so a stream reader knows to wait for more), or another reason for invalid input
     */
    public static <T extends Message> Decoded<T> decodeBody(Class<T> kind, byte[] buf, int offset, int length) {
        MsgpackReader reader = new MsgpackReader(buf, offset, length);
        Message message = MessageDecoder.decode(kind, reader);
        return new Decoded<>(kind.cast(message), reader.consumed());
    }

    private static boolean isStreamOnly(Message message) {
        return message instanceof PushPullHeader || message instanceof PushNodeState || message instanceof UserMessageHeader;
    }

    /** Pre-encodes a map key: fixstr header and the name. */
    static byte[] key(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[utf8.length + 1];
        out[0] = (byte) (0xa0 | utf8.length);
        System.arraycopy(utf8, 0, out, 1, utf8.length);
        return out;
    }
}
