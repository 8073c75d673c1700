package dev.memberlist.wire;

import dev.memberlist.security.Keyring;
import dev.memberlist.security.PayloadCipher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Go's TCP stream messages: building push/pull and user messages, wrapping them in compression
 * (always, when on) and the encrypted frame {@code 0x0a, u32 length, payload}, and reading complete
 * frames back. Thread-safe.
 */
public final class StreamCodec {

    private static final int FRAME_HEADER_BYTES = 5;
    /** A push/pull header and a typical node state (name, IPv4, six version bytes, short metadata). */
    private static final int PUSH_PULL_HEADER_BYTES = 48;
    private static final int TYPICAL_NODE_STATE_BYTES = 96;
    private static final int USER_MESSAGE_HEADER_BYTES = 24;

    private final CodecSettings settings;
    private final byte[] label;

    /**
     * @param settings label, keys and compression
     */
    public StreamCodec(CodecSettings settings) {
        this.settings = settings;
        this.label = settings.labelBytes();
    }

    /**
     * @param header the header
     * @param nodes the node table
     * @param userState the application's state
     * @return {@code 0x06}, the header, every node state, and the raw user state
     */
    public static byte[] pushPull(PushPullHeader header, List<PushNodeState> nodes, Bytes userState) {
        MessageWriter out = new MessageWriter(
                PUSH_PULL_HEADER_BYTES + TYPICAL_NODE_STATE_BYTES * nodes.size() + userState.length());
        out.type(MessageType.PUSH_PULL).body(header);
        for (PushNodeState node : nodes) {
            out.body(node);
        }
        return out.raw(userState.array()).toByteArray();
    }

    /**
     * @param payload the application's bytes
     * @return {@code 0x08}, the user message header, and the bytes
     */
    public static byte[] userMessage(Bytes payload) {
        return new MessageWriter(USER_MESSAGE_HEADER_BYTES + payload.length())
                .type(MessageType.USER)
                .body(new UserMessageHeader(payload.length()))
                .raw(payload.array())
                .toByteArray();
    }

    /**
     * @param message a stream message, type byte first
     * @return what the initiator writes: the label header, then the frame
     */
    public byte[] encodeRequest(byte[] message) {
        return LabelHeader.prepend(settings.label(), frame(message));
    }

    /**
     * @param message a stream message, type byte first
     * @return what the responder writes: the frame, never a label header
     */
    public byte[] encodeResponse(byte[] message) {
        return frame(message);
    }

    /**
     * @param request a complete request, as framed by {@link StreamFramer}
     * @return the message
     * @throws WireFormatException when the label, encryption or content is unacceptable
     */
    public StreamMessage decodeRequest(byte[] request) {
        LabelHeader.Stripped stripped = LabelHeader.strip(request, 0, request.length);
        settings.checkLabel(stripped.label());
        return decodeFrame(request, stripped.bodyOffset(), request.length - stripped.bodyOffset());
    }

    /**
     * @param response a complete response, as framed by {@link StreamFramer}
     * @return the message
     * @throws WireFormatException when the encryption or content is unacceptable
     */
    public StreamMessage decodeResponse(byte[] response) {
        return decodeFrame(response, 0, response.length);
    }

    private byte[] frame(byte[] message) {
        byte[] payload = settings.compression() ? Compression.wrap(message) : message;
        if (!settings.encryptsOutput()) {
            return payload;
        }
        Keyring keyring = settings.keyring().orElseThrow();
        int encryptedLength = PayloadCipher.encryptedLength(settings.encryptionVersion(), payload.length);
        byte[] header = frameHeader(encryptedLength);
        byte[] encrypted = PayloadCipher.encrypt(settings.encryptionVersion(), keyring, payload, additionalData(header));
        byte[] out = Arrays.copyOf(header, FRAME_HEADER_BYTES + encrypted.length);
        System.arraycopy(encrypted, 0, out, FRAME_HEADER_BYTES, encrypted.length);
        return out;
    }

    private StreamMessage decodeFrame(byte[] buf, int offset, int length) {
        if (length == 0) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "empty stream");
        }
        byte[] message = buf;
        int start = offset;
        int size = length;
        if ((buf[offset] & 0xff) == MessageType.ENCRYPT.code()) {
            if (settings.keyring().isEmpty()) {
                throw new WireFormatException(WireFormatException.Reason.ENCRYPTION_NOT_CONFIGURED,
                        "Remote state is encrypted and encryption is not configured");
            }
            if (length < FRAME_HEADER_BYTES) {
                throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "truncated encrypted frame header");
            }
            long declared = StreamFramer.frameLengthField(buf, offset);
            if (declared != length - FRAME_HEADER_BYTES) {
                throw new WireFormatException(WireFormatException.Reason.TRUNCATED,
                        "encrypted frame declares " + declared + " bytes but has " + (length - FRAME_HEADER_BYTES));
            }
            message = PayloadCipher.decrypt(settings.keyring().get(), buf, offset + FRAME_HEADER_BYTES,
                    length - FRAME_HEADER_BYTES, additionalData(Arrays.copyOfRange(buf, offset, offset + FRAME_HEADER_BYTES)));
            start = 0;
            size = message.length;
        } else if (settings.keyring().isPresent() && settings.verifyIncoming()) {
            throw new WireFormatException(WireFormatException.Reason.ENCRYPTION_REQUIRED,
                    "Encryption is configured but remote state is not encrypted");
        }
        if (size > 0 && (message[start] & 0xff) == MessageType.COMPRESS.code()) {
            Compress compress = MessageCodec.decodeBody(Compress.class, message, start + 1, size - 1).message();
            message = Compression.unwrap(compress);
            start = 0;
            size = message.length;
        }
        return parse(message, start, size);
    }

    private static StreamMessage parse(byte[] buf, int offset, int length) {
        if (length == 0) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "empty stream message");
        }
        int type = buf[offset] & 0xff;
        int position = offset + 1;
        int end = offset + length;
        if (type == MessageType.PUSH_PULL.code()) {
            MessageCodec.Decoded<PushPullHeader> header = MessageCodec.decodeBody(PushPullHeader.class, buf, position, end - position);
            position += header.consumed();
            List<PushNodeState> nodes = new ArrayList<>(Math.min(header.message().nodes(), 1024));
            for (int i = 0; i < header.message().nodes(); i++) {
                MessageCodec.Decoded<PushNodeState> node = MessageCodec.decodeBody(PushNodeState.class, buf, position, end - position);
                position += node.consumed();
                nodes.add(node.message());
            }
            Bytes userState = take(buf, position, end, header.message().userStateLen());
            return new StreamMessage.PushPull(header.message(), nodes, userState);
        }
        if (type == MessageType.USER.code()) {
            MessageCodec.Decoded<UserMessageHeader> header = MessageCodec.decodeBody(UserMessageHeader.class, buf, position, end - position);
            position += header.consumed();
            return new StreamMessage.User(take(buf, position, end, header.message().userMsgLen()));
        }
        if (type == MessageType.PING.code()) {
            return new StreamMessage.PingRequest(MessageCodec.decodeBody(Ping.class, buf, position, end - position).message());
        }
        if (type == MessageType.ACK_RESP.code()) {
            return new StreamMessage.Ack(MessageCodec.decodeBody(AckResponse.class, buf, position, end - position).message());
        }
        if (type == MessageType.ERR.code()) {
            return new StreamMessage.Error(MessageCodec.decodeBody(ErrorResponse.class, buf, position, end - position).message());
        }
        throw new WireFormatException(WireFormatException.Reason.UNKNOWN_TYPE, "unexpected stream message type " + type);
    }

    private static Bytes take(byte[] buf, int position, int end, int count) {
        if (count > end - position) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED,
                    "stream ends " + (count - (end - position)) + " bytes short");
        }
        return count == 0 ? Bytes.EMPTY : Bytes.copyOf(buf, position, count);
    }

    private byte[] additionalData(byte[] header) {
        byte[] data = Arrays.copyOf(header, header.length + label.length);
        System.arraycopy(label, 0, data, header.length, label.length);
        return data;
    }

    private static byte[] frameHeader(int length) {
        return new byte[] {(byte) MessageType.ENCRYPT.code(), (byte) (length >>> 24), (byte) (length >>> 16),
                (byte) (length >>> 8), (byte) length};
    }
}
