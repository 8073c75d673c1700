package dev.memberlist.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The compound message, several messages in one UDP packet (PROTOCOL.md §6.2): type byte
 * {@code 0x07}, a part count (u8), one big-endian u16 length per part, then the parts back to back.
 * Each part is a whole message with its own type byte, and may itself be compound or compressed.
 */
public final class Compound {

    /** The most parts one compound can hold: the count is a single byte. */
    public static final int MAX_PARTS = 255;

    /** The largest part one compound can hold: lengths are u16. */
    public static final int MAX_PART_BYTES = 0xffff;

    private static final byte TYPE = (byte) MessageType.COMPOUND.code();

    private Compound() {
    }

    /**
     * The parts of a decoded compound.
     *
     * <p>The arrays are fresh copies owned by the caller; like any record holding arrays, equality
     * compares them by identity.
     *
     * @param parts the complete parts, in order
     * @param truncated how many parts, counted from the first incomplete one, ran past the end of
     *     the input and were dropped (Go's {@code trunc})
     */
    public record Parts(List<byte[]> parts, int truncated) {

        /** Validates the fields and freezes the list. */
        public Parts {
            parts = List.copyOf(parts);
            if (truncated < 0) {
                throw new IllegalArgumentException("truncated must not be negative: " + truncated);
            }
        }
    }

    /**
     * Builds one compound message.
     *
     * @param parts the encoded messages; at most {@link #MAX_PARTS}, each at most
     *     {@link #MAX_PART_BYTES} bytes
     * @return {@code 0x07}, the count, the lengths, then the parts
     * @throws IllegalArgumentException if there are too many parts or a part is too long
     */
    public static byte[] encode(List<byte[]> parts) {
        int count = parts.size();
        if (count > MAX_PARTS) {
            throw new IllegalArgumentException("a compound holds at most " + MAX_PARTS + " parts, got " + count);
        }
        int total = 2 + 2 * count;
        for (byte[] part : parts) {
            if (part.length > MAX_PART_BYTES) {
                throw new IllegalArgumentException(
                        "a compound part holds at most " + MAX_PART_BYTES + " bytes, got " + part.length);
            }
            total += part.length;
        }
        byte[] out = new byte[total];
        out[0] = TYPE;
        out[1] = (byte) count;
        int lengthAt = 2;
        int partAt = 2 + 2 * count;
        for (byte[] part : parts) {
            out[lengthAt++] = (byte) (part.length >>> 8);
            out[lengthAt++] = (byte) part.length;
            System.arraycopy(part, 0, out, partAt, part.length);
            partAt += part.length;
        }
        return out;
    }

    /**
     * Builds as many compounds as needed for any number of parts, as Go HEAD's
     * {@code makeCompoundMessages} does: consecutive runs of {@link #MAX_PARTS} parts, and the rest
     * in a last compound, even when that holds a single part.
     *
     * @param parts the encoded messages, each at most {@link #MAX_PART_BYTES} bytes
     * @return the compounds in order; empty when {@code parts} is empty
     * @throws IllegalArgumentException if a part is too long
     */
    public static List<byte[]> encodeSplit(List<byte[]> parts) {
        List<byte[]> compounds = new ArrayList<>((parts.size() + MAX_PARTS - 1) / MAX_PARTS);
        for (int from = 0; from < parts.size(); from += MAX_PARTS) {
            compounds.add(encode(parts.subList(from, Math.min(parts.size(), from + MAX_PARTS))));
        }
        return compounds;
    }

    /**
     * Packs encoded messages, in order, into as few packets of at most {@code budgetBytes} as
     * order allows. A packet holding one message is that message itself (the same array, bare);
     * a packet holding several is a compound, which costs {@code 2 + 2 × n} header bytes on top of
     * its parts. Packing is greedy: a message joins the current packet while the packet stays
     * within budget, within {@link #MAX_PARTS} parts and every part within
     * {@link #MAX_PART_BYTES}; otherwise it starts the next packet. A message that alone exceeds
     * the budget (or {@link #MAX_PART_BYTES}) is therefore sent bare in a packet of its own, and it
     * is up to the transport whether such a packet can go out.
     *
     * @param messages the encoded messages
     * @param budgetBytes the most bytes one packet should hold, at least 1
     * @return the packets in order; empty when {@code messages} is empty
     * @throws IllegalArgumentException if {@code budgetBytes} is less than 1
     */
    public static List<byte[]> pack(List<byte[]> messages, int budgetBytes) {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("budgetBytes must be positive: " + budgetBytes);
        }
        List<byte[]> packets = new ArrayList<>();
        int first = 0;
        long groupBytes = 0;
        boolean groupFitsCompound = true;
        for (int i = 0; i < messages.size(); i++) {
            int length = messages.get(i).length;
            int count = i - first + 1;
            boolean fitsCompound = groupFitsCompound && length <= MAX_PART_BYTES;
            if (count > 1 && !(fitsCompound && count <= MAX_PARTS
                    && 2L + 2L * count + groupBytes + length <= budgetBytes)) {
                packets.add(packet(messages.subList(first, i)));
                first = i;
                groupBytes = 0;
                fitsCompound = length <= MAX_PART_BYTES;
            }
            groupBytes += length;
            groupFitsCompound = fitsCompound;
        }
        if (first < messages.size()) {
            packets.add(packet(messages.subList(first, messages.size())));
        }
        return packets;
    }

    private static byte[] packet(List<byte[]> group) {
        return group.size() == 1 ? group.get(0) : encode(group);
    }

    /**
     * Splits a compound message.
     *
     * @param buf the source array
     * @param offset the position of the part count, the byte right after the {@code 0x07} type byte
     * @param length the bytes from {@code offset} to the end of the packet
     * @return the complete parts (copies) and how many parts were cut off by the end of the input;
     *     zero parts is valid
     * @throws WireFormatException {@code TRUNCATED} if the count or the length table is cut short
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public static Parts decode(byte[] buf, int offset, int length) {
        List<byte[]> parts = new ArrayList<>();
        int truncated = forEachPart(buf, offset, length,
                (partOffset, partLength) -> parts.add(Arrays.copyOfRange(buf, partOffset, partOffset + partLength)));
        return new Parts(parts, truncated);
    }

    /** Receives the position of one complete part in the compound's own array. */
    @FunctionalInterface
    interface PartVisitor {
        void part(int offset, int length);
    }

    /**
     * Walks a compound's parts where they lie, for the packet decoder, which reads each part in
     * place rather than from a copy. Arguments and failures are those of {@link #decode}.
     *
     * @return how many parts ran past the end of the input and were not visited
     */
    static int forEachPart(byte[] buf, int offset, int length, PartVisitor visitor) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        if (length < 1) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, "compound has no part count");
        }
        int count = buf[offset] & 0xff;
        if (length - 1 < 2 * count) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED,
                    "compound length table for " + count + " parts is cut short");
        }
        int end = offset + length;
        int lengthAt = offset + 1;
        int partAt = lengthAt + 2 * count;
        for (int i = 0; i < count; i++) {
            int partLength = (buf[lengthAt] & 0xff) << 8 | (buf[lengthAt + 1] & 0xff);
            lengthAt += 2;
            if (partLength > end - partAt) {
                return count - i;
            }
            visitor.part(partAt, partLength);
            partAt += partLength;
        }
        return 0;
    }
}
