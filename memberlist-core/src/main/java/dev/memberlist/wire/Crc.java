package dev.memberlist.wire;

import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The CRC header of a UDP packet (PROTOCOL.md §6.1 step 3, §6.3 step 4): type byte {@code 0x0c},
 * then the CRC32-IEEE of the body as a big-endian u32, then the body.
 */
public final class Crc {

    /** Bytes in front of the body: the type byte and the 4-byte checksum. */
    public static final int HEADER_BYTES = 5;

    private static final byte TYPE = (byte) MessageType.HAS_CRC.code();

    private Crc() {
    }

    /**
     * Prepends the CRC header.
     *
     * @param body the bytes to protect, usually a message or a compressed message
     * @return {@code 0x0c}, the CRC32 of {@code body} (big-endian), then {@code body}
     */
    public static byte[] wrap(byte[] body) {
        byte[] packet = new byte[HEADER_BYTES + body.length];
        int crc = checksum(body, 0, body.length);
        packet[0] = TYPE;
        packet[1] = (byte) (crc >>> 24);
        packet[2] = (byte) (crc >>> 16);
        packet[3] = (byte) (crc >>> 8);
        packet[4] = (byte) crc;
        System.arraycopy(body, 0, packet, HEADER_BYTES, body.length);
        return packet;
    }

    /**
     * Checks a CRC-wrapped packet.
     *
     * @param packet the source array
     * @param offset the position of the {@code 0x0c} type byte
     * @param length the bytes of the packet from {@code offset}, header included
     * @return {@code offset + 5}, where the verified body starts; it runs to {@code offset + length}
     * @throws WireFormatException {@code UNKNOWN_TYPE} if the first byte is not {@code 0x0c},
     *     {@code TRUNCATED} if fewer than 5 bytes are given, {@code BAD_CRC} if the checksum
     *     does not match the body
     * @throws IndexOutOfBoundsException if the range lies outside {@code packet}
     */
    public static int verifiedBodyOffset(byte[] packet, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (length > 0 && packet[offset] != TYPE) {
            throw new WireFormatException(WireFormatException.Reason.UNKNOWN_TYPE,
                    "not a CRC packet: type " + (packet[offset] & 0xff));
        }
        if (length < HEADER_BYTES) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED,
                    "CRC header needs " + HEADER_BYTES + " bytes, got " + length);
        }
        int expected = (packet[offset + 1] & 0xff) << 24
                | (packet[offset + 2] & 0xff) << 16
                | (packet[offset + 3] & 0xff) << 8
                | (packet[offset + 4] & 0xff);
        int bodyOffset = offset + HEADER_BYTES;
        int actual = checksum(packet, bodyOffset, length - HEADER_BYTES);
        if (actual != expected) {
            throw new WireFormatException(WireFormatException.Reason.BAD_CRC, String.format(
                    "CRC32 mismatch: header %08x, body %08x", expected, actual));
        }
        return bodyOffset;
    }

    private static int checksum(byte[] buf, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(buf, offset, length);
        return (int) crc.getValue();
    }
}
