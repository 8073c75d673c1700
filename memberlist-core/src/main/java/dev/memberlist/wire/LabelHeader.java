package dev.memberlist.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The label header in front of a UDP packet or at the start of a TCP stream (memberlist 0.3 and
 * later; PROTOCOL.md §6.3 step 1, §9.1): type byte {@code 0xf4}, the label's length in bytes
 * (1..255), then the label as UTF-8. An empty label means no header at all.
 *
 * <p>Labels must be well-formed UTF-8 both ways, so that comparing decoded strings is the same as
 * Go comparing the raw bytes.
 */
public final class LabelHeader {

    /** The longest label in UTF-8 bytes (Go's {@code LabelMaxSize}). */
    public static final int MAX_LABEL_BYTES = 255;

    private static final byte TYPE = (byte) MessageType.HAS_LABEL.code();
    private static final byte[] NONE = new byte[0];

    private LabelHeader() {
    }

    /**
     * A label found at the front of a packet.
     *
     * @param label the label, empty when the packet has no header
     * @param bodyOffset where the bytes after the header start
     */
    public record Stripped(String label, int bodyOffset) {

        /** Validates the fields. */
        public Stripped {
            Objects.requireNonNull(label, "label");
            if (bodyOffset < 0) {
                throw new IllegalArgumentException("bodyOffset must not be negative: " + bodyOffset);
            }
        }
    }

    /**
     * Encodes the header for a label.
     *
     * @param label the label; empty for none
     * @return {@code 0xf4}, the length, the UTF-8 bytes; an empty array for the empty label
     * @throws IllegalArgumentException if the label is longer than {@link #MAX_LABEL_BYTES} UTF-8
     *     bytes or is not valid Unicode (an unpaired surrogate)
     */
    public static byte[] header(String label) {
        if (label.isEmpty()) {
            return NONE;
        }
        byte[] text = encode(label);
        if (text.length > MAX_LABEL_BYTES) {
            throw new IllegalArgumentException(
                    "a label holds at most " + MAX_LABEL_BYTES + " UTF-8 bytes, got " + text.length);
        }
        byte[] header = new byte[2 + text.length];
        header[0] = TYPE;
        header[1] = (byte) text.length;
        System.arraycopy(text, 0, header, 2, text.length);
        return header;
    }

    /**
     * Puts the header for a label in front of a packet.
     *
     * @param label the label; empty for none
     * @param packet the packet
     * @return the header followed by the packet; {@code packet} itself when the label is empty
     * @throws IllegalArgumentException as {@link #header(String)}
     */
    public static byte[] prepend(String label, byte[] packet) {
        byte[] header = header(label);
        if (header.length == 0) {
            return Objects.requireNonNull(packet, "packet");
        }
        byte[] out = new byte[header.length + packet.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(packet, 0, out, header.length, packet.length);
        return out;
    }

    /**
     * Removes the label header, if any, from a complete packet.
     *
     * @param buf the source array
     * @param offset the first byte of the packet
     * @param length the bytes of the packet
     * @return the label ("" without a header) and where the rest of the packet starts
     * @throws WireFormatException {@code BAD_LABEL} if a header is present but has no length byte,
     *     a zero length, fewer label bytes than its length says, or malformed UTF-8
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public static Stripped strip(byte[] buf, int offset, int length) {
        int headerLength = headerLength(buf, offset, length);
        if (length == 0 || headerLength == 0) {
            return new Stripped("", offset);
        }
        if (headerLength < 0 || headerLength > length) {
            throw new WireFormatException(WireFormatException.Reason.BAD_LABEL, "label header is cut short");
        }
        return new Stripped(decode(buf, offset + 2, headerLength - 2), offset + headerLength);
    }

    /**
     * Tells how long the label header at the start of a stream is, as soon as enough bytes have
     * arrived to know. The label bytes themselves may still be missing: wait until
     * {@code available} reaches the returned length, then call {@link #strip}.
     *
     * @param buf the source array
     * @param offset the first byte of the stream
     * @param available the bytes received so far
     * @return -1 when more bytes are needed to know, 0 when the stream has no label header,
     *     otherwise the header length {@code 2 + label bytes}
     * @throws WireFormatException {@code BAD_LABEL} if the length byte is zero
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public static int headerLength(byte[] buf, int offset, int available) {
        Objects.checkFromIndexSize(offset, available, buf.length);
        if (available < 1) {
            return -1;
        }
        if (buf[offset] != TYPE) {
            return 0;
        }
        if (available < 2) {
            return -1;
        }
        int labelBytes = buf[offset + 1] & 0xff;
        if (labelBytes == 0) {
            throw new WireFormatException(WireFormatException.Reason.BAD_LABEL, "label header with an empty label");
        }
        return 2 + labelBytes;
    }

    private static byte[] encode(String label) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(label));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("label is not valid Unicode", e);
        }
    }

    private static String decode(byte[] buf, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException(WireFormatException.Reason.BAD_LABEL, "label is not valid UTF-8", e);
        }
    }
}
