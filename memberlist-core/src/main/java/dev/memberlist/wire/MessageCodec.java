package dev.memberlist.wire;

import static dev.memberlist.wire.WireFormatException.Reason.TRUNCATED;
import static dev.memberlist.wire.WireFormatException.Reason.UNKNOWN_TYPE;

import java.util.Objects;

/**
 * Encodes and decodes single memberlist messages byte-for-byte as Go memberlist does
 * (PROTOCOL.md §1–§4). Stateless and thread-safe.
 *
 * <h2>Encoding</h2>
 * A message is its type byte followed by one msgpack map whose keys are Go's field names in byte
 * order, exactly as Go's codec writes them: fixmap header, fixstr/str16/str32 for strings and byte
 * slices (never str8, never bin), {@link Bytes#NIL} as msgpack nil and {@link Bytes#EMPTY} as an
 * empty string, unsigned integers in their smallest unsigned form, and {@code omitempty} only on the
 * {@code Source*} fields of {@link Ping} and {@link IndirectPingRequest}. Go {@code int} fields
 * ({@code Nodes}, {@code UserStateLen}, {@code UserMsgLen}, {@code State}) above 127 are written in
 * the <em>unsigned</em> forms of go-msgpack v0.5 (memberlist 0.2.2), not the signed forms of
 * go-msgpack v2 (memberlist HEAD); both Go versions decode both, and 0.2.2 is the interop peer.
 * Two kinds of record break the "type byte + map" pattern:
 * <ul>
 *   <li>{@link UserMessage} is the type byte {@code 0x08} followed by its raw payload, no msgpack.</li>
 *   <li>{@link PushPullHeader}, {@link PushNodeState} and {@link UserMessageHeader} travel only
 *       inside TCP streams, after a type byte written once for the whole stream (or not at all,
 *       for node states), so {@link #encode} returns their msgpack map <em>without</em> a type byte.</li>
 * </ul>
 *
 * <h2>Decoding</h2>
 * Decoding is as lenient as Go's decoders (PROTOCOL.md §2): keys in any order and in any str or bin
 * form, unknown keys skipped, missing keys left at zero values ({@code ""}, {@link Bytes#NIL}, 0,
 * false), str8 and bin accepted for strings and bytes, arrays of small integers accepted for bytes,
 * any integer form for any integer field, nil for any field (and for the whole map), and trailing
 * bytes after the map ignored. Strings are read as UTF-8, invalid sequences becoming U+FFFD.
 * Bad input only ever raises {@link WireFormatException}:
 * <ul>
 *   <li>{@code TRUNCATED}: the bytes are valid so far but end too early, so a stream parser may wait
 *       for more. A length field may claim up to 2<sup>31</sup>-1 bytes; the parser must bound how
 *       much it is willing to buffer.</li>
 *   <li>{@code MALFORMED}: invalid msgpack, a wrong msgpack type for a field, a length of
 *       2<sup>31</sup> or more, or values nested more than 32 deep.</li>
 *   <li>{@code OUT_OF_RANGE}: an integer that does not fit its field (u8, u16, u32, or a negative
 *       Go {@code int}).</li>
 *   <li>{@code OVERSIZED}: a count above the limits below.</li>
 *   <li>{@code UNKNOWN_TYPE}: a type byte that is not a single message.</li>
 * </ul>
 */
public final class MessageCodec {

    /** The most node states a push/pull header may announce (Go HEAD's limit). */
    public static final int MAX_PUSH_PULL_NODES = 1024 * 1024;
    /** The most user-state bytes a push/pull header may announce (Go HEAD's limit, 20 MiB). */
    public static final int MAX_USER_STATE_LENGTH = 20 * 1024 * 1024;
    /** The most bytes a TCP user-message header may announce (Go HEAD's limit, 20 MiB). */
    public static final int MAX_USER_MESSAGE_LENGTH = 20 * 1024 * 1024;

    private static final int INITIAL_CAPACITY = 128;

    /**
     * A record read from the front of a buffer.
     *
     * @param message the record
     * @param consumed how many bytes its msgpack map took
     * @param <T> the record type
     */
    public record Decoded<T extends Message>(T message, int consumed) {
    }

    private MessageCodec() {
    }

    /**
     * Encodes one message: type byte and msgpack map; for {@link UserMessage} the type byte and raw
     * payload; for the stream-only {@link PushPullHeader}, {@link PushNodeState} and
     * {@link UserMessageHeader} the msgpack map alone, with no type byte.
     *
     * @param message the message
     * @return a fresh array
     * @throws IllegalArgumentException if a count or {@code State} is negative or above its limit
     */
    public static byte[] encode(Message message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof UserMessage user) {
            byte[] payload = user.payload().array();
            byte[] out = new byte[1 + payload.length];
            out[0] = (byte) MessageType.USER.code();
            System.arraycopy(payload, 0, out, 1, payload.length);
            return out;
        }
        MessageWriter out = new MessageWriter(INITIAL_CAPACITY);
        if (!isStreamOnly(message)) {
            out.type(message.type());
        }
        return out.body(message).toByteArray();
    }

    /**
     * Decodes one message starting at its type byte.
     *
     * @param buf the bytes
     * @return the message
     * @throws WireFormatException for any bad input
     * @see #decode(byte[], int, int)
     */
    public static Message decode(byte[] buf) {
        return decode(buf, 0, buf.length);
    }

    /**
     * Decodes one message starting at its type byte: ping, indirect ping, ack, nack, error, suspect,
     * alive, dead, user (the rest of the input as a {@link UserMessage}) or compress (returned as a
     * {@link Compress} record, still compressed). Bytes after the msgpack map are ignored, as Go does.
     *
     * @param buf the bytes
     * @param offset where the type byte is
     * @param length how many bytes belong to the message
     * @return the message
     * @throws WireFormatException with {@code TRUNCATED} for empty input, {@code UNKNOWN_TYPE} for
     *     any other type byte (compound, CRC, encryption, push/pull, label, unassigned), or the
     *     reasons listed on this class
     */
    public static Message decode(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        if (length == 0) {
            throw new WireFormatException(TRUNCATED, "empty message");
        }
        int code = buf[offset] & 0xff;
        MessageType type = MessageType.fromCode(code).orElseThrow(() -> unknownType(code));
        Class<? extends Message> kind;
        switch (type) {
            case PING -> kind = Ping.class;
            case INDIRECT_PING -> kind = IndirectPingRequest.class;
            case ACK_RESP -> kind = AckResponse.class;
            case SUSPECT -> kind = Suspect.class;
            case ALIVE -> kind = Alive.class;
            case DEAD -> kind = Dead.class;
            case COMPRESS -> kind = Compress.class;
            case NACK_RESP -> kind = NackResponse.class;
            case ERR -> kind = ErrorResponse.class;
            case USER -> {
                return new UserMessage(Bytes.copyOf(buf, offset + 1, length - 1));
            }
            default -> throw unknownType(code);
        }
        return decodeBody(kind, buf, offset + 1, length - 1).message();
    }

    /**
     * Reads one msgpack map (no type byte) as the given record and reports its length, for stream
     * parsers that read several objects from one buffer.
     *
     * @param kind the record class, any but {@link UserMessage}
     * @param buf the bytes
     * @param offset where the map starts
     * @param length how many bytes are available
     * @param <T> the record type
     * @return the record and the number of bytes its map took
     * @throws WireFormatException with {@code TRUNCATED} exactly when the bytes are valid so far but
     *     end before the map does, or the other reasons listed on this class
     * @throws IllegalArgumentException if {@code kind} has no msgpack body
     */
    public static <T extends Message> Decoded<T> decodeBody(Class<T> kind, byte[] buf, int offset, int length) {
        Objects.requireNonNull(kind, "kind");
        Objects.checkFromIndexSize(offset, length, buf.length);
        GoMsgpackReader reader = new GoMsgpackReader(buf, offset, length);
        Message message = MessageDecoder.read(kind, reader);
        return new Decoded<>(kind.cast(message), reader.consumed());
    }

    private static boolean isStreamOnly(Message message) {
        return message instanceof PushPullHeader
                || message instanceof PushNodeState
                || message instanceof UserMessageHeader;
    }

    private static WireFormatException unknownType(int code) {
        return new WireFormatException(UNKNOWN_TYPE, "not a single-message type byte: " + code);
    }
}
