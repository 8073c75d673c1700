package dev.memberlist.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Unwraps the body of one packet into its messages: compounds part by part, compressed messages after
 * decompression. All compressed messages of the packet share one budget of decompressed bytes, and
 * decompressed data may not hold compressed messages again, so what one datagram can make the decoder
 * allocate is bounded by its size and the budget, not by how its parts nest. One per packet.
 */
final class PacketExpansion {

    private static final int MAX_NESTING = 8;

    private final List<Message> messages = new ArrayList<>();
    private final List<WireFormatException> errors = new ArrayList<>();
    private final int budgetBytes;
    private int decompressedBytes;

    /** @param budgetBytes the most bytes all compressed messages of the packet may decompress to */
    PacketExpansion(int budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /**
     * @param buf the packet body, after label, decryption and CRC
     * @param offset where the body starts
     * @param length how many bytes it has
     * @return its messages and the errors of unreadable parts
     * @throws WireFormatException when the body as a whole is unusable or exceeds the budget
     */
    DecodedPacket expand(byte[] buf, int offset, int length) {
        expand(buf, offset, length, 0, true, false);
        return new DecodedPacket(messages, errors);
    }

    /**
     * Adds the messages in {@code buf[offset, offset + length)}. A failure of the top-level message, or
     * an exceeded budget anywhere, is thrown; other failures inside a compound are collected.
     */
    private void expand(byte[] buf, int offset, int length, int depth, boolean topLevel, boolean decompressed) {
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
                        (partOffset, partLength) -> expand(buf, partOffset, partLength, depth + 1, false, decompressed));
                for (int i = 0; i < truncated; i++) {
                    errors.add(new WireFormatException(WireFormatException.Reason.TRUNCATED,
                            "compound part runs past the end of the packet"));
                }
                return;
            }
            Message message = MessageCodec.decode(buf, offset, length);
            if (message instanceof Compress compress) {
                if (decompressed) {
                    throw new WireFormatException(WireFormatException.Reason.BAD_COMPRESSION,
                            "compressed message inside decompressed data");
                }
                byte[] inner = decompress(compress);
                expand(inner, 0, inner.length, depth + 1, topLevel, true);
                return;
            }
            messages.add(message);
        } catch (WireFormatException e) {
            if (topLevel || e.reason() == WireFormatException.Reason.DECOMPRESSION_BUDGET) {
                throw e;
            }
            errors.add(e);
        }
    }

    private byte[] decompress(Compress compress) {
        int remaining = budgetBytes - decompressedBytes;
        byte[] inner;
        try {
            inner = Compression.unwrap(compress, remaining);
        } catch (WireFormatException e) {
            if (e.reason() == WireFormatException.Reason.OVERSIZED) {
                throw new WireFormatException(WireFormatException.Reason.DECOMPRESSION_BUDGET,
                        "compressed messages of one packet decompress to more than " + budgetBytes + " bytes");
            }
            throw e;
        }
        decompressedBytes += inner.length;
        return inner;
    }
}
