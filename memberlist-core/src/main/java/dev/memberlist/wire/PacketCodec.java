package dev.memberlist.wire;

import dev.memberlist.security.Keyring;
import dev.memberlist.security.PayloadCipher;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's UDP packet pipeline. Sending: compress (only when smaller), CRC, encrypt, label. Receiving:
 * label check, decrypt, CRC check, then compounds and compression unwrapped recursively. Thread-safe.
 */
public final class PacketCodec {

    private static final int MAX_NESTING = 8;

    private final CodecSettings settings;
    private final byte[] label;

    /**
     * @param settings label, keys and compression
     */
    public PacketCodec(CodecSettings settings) {
        this.settings = settings;
        this.label = settings.labelBytes();
    }

    /** @return the bytes the label header and encryption add to every packet sent */
    public int overheadBytes() {
        int labelOverhead = label.length == 0 ? 0 : 2 + label.length;
        return labelOverhead + (settings.encryptsOutput() ? settings.encryptionVersion().overhead() : 0);
    }

    /**
     * @param message a message or compound, type byte first
     * @param withCrc whether to add a CRC (for nodes that speak protocol 5)
     * @return the datagram
     */
    public byte[] encode(byte[] message, boolean withCrc) {
        byte[] packet = message;
        if (settings.compression()) {
            byte[] compressed = Compression.wrap(message);
            if (compressed.length < message.length) {
                packet = compressed;
            }
        }
        if (withCrc) {
            packet = Crc.wrap(packet);
        }
        if (settings.encryptsOutput()) {
            packet = PayloadCipher.encrypt(settings.encryptionVersion(), settings.keyring().orElseThrow(), packet, label);
        }
        return LabelHeader.prepend(settings.label(), packet);
    }

    /**
     * @param datagram a datagram as received
     * @return its messages and the errors of unreadable parts
     * @throws WireFormatException when the packet as a whole is unusable
     */
    public DecodedPacket decode(byte[] datagram) {
        if (datagram.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "empty packet");
        }
        LabelHeader.Stripped stripped = LabelHeader.strip(datagram, 0, datagram.length);
        settings.checkLabel(stripped.label());
        byte[] buf = datagram;
        int offset = stripped.bodyOffset();
        int length = datagram.length - offset;
        if (settings.keyring().isPresent()) {
            byte[] plain = tryDecrypt(settings.keyring().get(), buf, offset, length);
            if (plain != null) {
                buf = plain;
                offset = 0;
                length = plain.length;
            }
        }
        if (length == 0) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "empty packet body");
        }
        if ((buf[offset] & 0xff) == MessageType.HAS_CRC.code() && length >= Crc.HEADER_BYTES) {
            int body = Crc.verifiedBodyOffset(buf, offset, length);
            length -= body - offset;
            offset = body;
        }
        List<Message> messages = new ArrayList<>();
        List<WireFormatException> errors = new ArrayList<>();
        expand(buf, offset, length, 0, messages, errors, true);
        return new DecodedPacket(messages, errors);
    }

    /** @return the plaintext, or null when unencrypted input is acceptable and this was not encrypted */
    private byte[] tryDecrypt(Keyring keyring, byte[] buf, int offset, int length) {
        // After the label check the received label equals the configured one, which is the additional data.
        try {
            return PayloadCipher.decrypt(keyring, buf, offset, length, label);
        } catch (WireFormatException e) {
            if (settings.verifyIncoming()) {
                throw e;
            }
            return null;
        }
    }

    /**
     * Adds the messages in {@code buf[offset, offset + length)} to {@code out}: compounds part by part,
     * compressed messages after decompression. A failure of the top-level message is thrown; failures
     * inside a compound are collected.
     */
    private static void expand(byte[] buf, int offset, int length, int depth, List<Message> out,
                               List<WireFormatException> errors, boolean topLevel) {
        try {
            if (depth > MAX_NESTING) {
                throw new WireFormatException(WireFormatException.Reason.MALFORMED, "messages nested too deeply");
            }
            if (length == 0) {
                throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "empty message");
            }
            int type = buf[offset] & 0xff;
            if (type == MessageType.COMPOUND.code()) {
                int truncated = Compound.forEachPart(buf, offset + 1, length - 1,
                        (partOffset, partLength) -> expand(buf, partOffset, partLength, depth + 1, out, errors, false));
                for (int i = 0; i < truncated; i++) {
                    errors.add(new WireFormatException(WireFormatException.Reason.TRUNCATED,
                            "compound part runs past the end of the packet"));
                }
                return;
            }
            Message message = MessageCodec.decode(buf, offset, length);
            if (message instanceof Compress compress) {
                byte[] inner = Compression.unwrap(compress);
                expand(inner, 0, inner.length, depth + 1, out, errors, topLevel);
                return;
            }
            out.add(message);
        } catch (WireFormatException e) {
            if (topLevel) {
                throw e;
            }
            errors.add(e);
        }
    }
}
