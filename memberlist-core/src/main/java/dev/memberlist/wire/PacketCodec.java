package dev.memberlist.wire;

import dev.memberlist.security.Keyring;
import dev.memberlist.security.PayloadCipher;

/**
 * Go's UDP packet pipeline. Sending: compress (only when smaller), CRC, encrypt, label. Receiving:
 * label check, decrypt, CRC check, then compounds and compression unwrapped recursively, within a
 * budget of {@link #MAX_DECOMPRESSED_BYTES} decompressed bytes per packet. Thread-safe.
 */
public final class PacketCodec {

    /**
     * The most bytes the compressed messages of one packet may decompress to, together, across
     * compound parts: 1 MiB. A datagram holds at most 64 KiB, and Go and this codec compress a packet
     * only when that makes it smaller, so real packets stay far below this; a packet built to expand
     * further is dropped with {@link WireFormatException.Reason#DECOMPRESSION_BUDGET} before more is
     * allocated.
     */
    public static final int MAX_DECOMPRESSED_BYTES = 1024 * 1024;

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
        return new PacketExpansion(MAX_DECOMPRESSED_BYTES).expand(buf, offset, length);
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
}
