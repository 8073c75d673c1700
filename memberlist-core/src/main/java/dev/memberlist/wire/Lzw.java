package dev.memberlist.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * LZW exactly as Go's {@code compress/lzw} with LSB bit order and 8-bit literals, the only
 * compression memberlist uses (PROTOCOL.md §7).
 *
 * <p>Codes 0..255 are literals, 256 is CLEAR, 257 is EOF and dictionary entries start at 258.
 * Codes are 9 to 12 bits wide and packed least significant bit first. {@link #compress} writes
 * the same bytes as Go 1.17 and later, including the leading CLEAR code; {@link #decompress}
 * also reads streams from older Go writers, which have no leading CLEAR.
 */
public final class Lzw {

    /** Go HEAD's cap on decompressed output: 40 MiB ({@code 2 × 20 MiB}). */
    public static final int MAX_DECOMPRESSED_BYTES = 40 * 1024 * 1024;

    private static final int CLEAR = 256;
    private static final int EOF = 257;
    private static final int FIRST_ENTRY = 258;
    private static final int MIN_WIDTH = 9;
    private static final int MAX_WIDTH = 12;
    private static final int MAX_CODE = (1 << MAX_WIDTH) - 1;
    private static final int INITIAL_OUTPUT_LIMIT = 1 << 20;

    /**
     * Each thread's encoder: its hash table is the size of the whole code space, and every UDP
     * packet is compressed, so it is reused rather than allocated and zeroed for every message.
     */
    private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);

    private Lzw() {
    }

    /**
     * Compresses a whole array.
     *
     * @param input the bytes to compress
     * @return the LZW stream, byte-identical to Go's {@code lzw.NewWriter(w, lzw.LSB, 8)} output
     */
    public static byte[] compress(byte[] input) {
        return compress(input, 0, input.length);
    }

    /**
     * Compresses part of an array.
     *
     * @param buf the source array
     * @param offset the first byte to compress
     * @param length how many bytes to compress
     * @return the LZW stream, byte-identical to Go's {@code lzw.NewWriter(w, lzw.LSB, 8)} output
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public static byte[] compress(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        return ENCODERS.get().encode(buf, offset, length);
    }

    /**
     * Decompresses an LZW stream, with or without a leading CLEAR code and with CLEAR codes
     * anywhere. Bytes after the EOF code are ignored, as Go's reader does.
     *
     * @param buf the source array
     * @param offset the first byte of the stream
     * @param length how many bytes the stream may use
     * @param maxOutputBytes the most output accepted; memory beyond it is never allocated
     * @return the decompressed bytes
     * @throws WireFormatException {@code BAD_COMPRESSION} for a code beyond the dictionary or a
     *     stream that ends without EOF, {@code OVERSIZED} when the output would exceed
     *     {@code maxOutputBytes}
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     * @throws IllegalArgumentException if {@code maxOutputBytes} is negative
     */
    public static byte[] decompress(byte[] buf, int offset, int length, int maxOutputBytes) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        if (maxOutputBytes < 0) {
            throw new IllegalArgumentException("maxOutputBytes must not be negative: " + maxOutputBytes);
        }
        // Each entry (code FIRST_ENTRY and up) is a string already written to the output: its start
        // there and its length. A stream cannot define more entries than it has codes, fewer than its
        // bytes, so the tables grow with the input, not with the code space.
        int entries = (int) Math.min(MAX_CODE + 1 - FIRST_ENTRY, length + 1L);
        int[] entryStart = new int[entries];
        int[] entryLength = new int[entries];
        // Start from a typical ratio, not from the cap: a large stream may still fail early.
        long initialCapacity = Math.min(INITIAL_OUTPUT_LIMIT, Math.max(64L, 3L * length));
        byte[] out = new byte[(int) Math.min(maxOutputBytes, initialCapacity)];
        int size = 0;

        int pos = offset;
        int end = offset + length;
        int bits = 0;
        int nBits = 0;
        int width = MIN_WIDTH;
        int next = EOF;
        int limit = 1 << MIN_WIDTH;
        int prevStart = 0;
        int prevLength = 0;
        while (true) {
            while (nBits < width) {
                if (pos == end) {
                    throw new WireFormatException(WireFormatException.Reason.BAD_COMPRESSION,
                            "LZW stream ends without an EOF code");
                }
                bits |= (buf[pos++] & 0xff) << nBits;
                nBits += 8;
            }
            int code = bits & ((1 << width) - 1);
            bits >>>= width;
            nBits -= width;

            if (code == CLEAR) {
                width = MIN_WIDTH;
                next = EOF;
                limit = 1 << MIN_WIDTH;
                prevLength = 0;
                continue;
            }
            if (code == EOF) {
                return size == out.length ? out : Arrays.copyOf(out, size);
            }
            // KwKwK: the code being defined right now is the previous string plus its first byte.
            boolean extendsPrevious = code == next && prevLength != 0;
            int codeLength;
            if (code < CLEAR) {
                codeLength = 1;
            } else if (extendsPrevious) {
                codeLength = prevLength + 1;
            } else if (code <= next) {
                // code == next without a previous code only happens once the table is full,
                // where entry `next` is the last one defined.
                codeLength = entryLength[code - FIRST_ENTRY];
            } else {
                throw new WireFormatException(WireFormatException.Reason.BAD_COMPRESSION,
                        "LZW code " + code + " is beyond the dictionary (next " + next + ")");
            }
            if (codeLength > maxOutputBytes - size) {
                throw new WireFormatException(WireFormatException.Reason.OVERSIZED,
                        "LZW output exceeds " + maxOutputBytes + " bytes");
            }
            if (codeLength > out.length - size) {
                long grown = Math.max((long) size + codeLength, 2L * out.length);
                out = Arrays.copyOf(out, (int) Math.min(maxOutputBytes, grown));
            }
            if (code < CLEAR) {
                out[size] = (byte) code;
            } else if (extendsPrevious) {
                System.arraycopy(out, prevStart, out, size, prevLength);
                out[size + prevLength] = out[prevStart];
            } else {
                System.arraycopy(out, entryStart[code - FIRST_ENTRY], out, size, codeLength);
            }
            if (prevLength != 0) {
                // The new entry is the previous string plus the first byte just written after it.
                entryStart[next - FIRST_ENTRY] = prevStart;
                entryLength[next - FIRST_ENTRY] = prevLength + 1;
            }
            prevStart = size;
            prevLength = codeLength;
            size += codeLength;

            next++;
            if (next >= limit) {
                if (width == MAX_WIDTH) {
                    // The table is full: stop adding entries until the next CLEAR.
                    prevLength = 0;
                    next--;
                } else {
                    width++;
                    limit <<= 1;
                }
            }
        }
    }

    /** Go's writer state with a hash table; one compression run at a time, reused by its thread. */
    private static final class Encoder {

        private static final int CODE_MASK = MAX_CODE;
        private static final int MAX_SLOTS = Integer.highestOneBit(MAX_CODE) << 2;

        // Open addressing on (prefix code << 8 | byte), stored as key << 12 | code; 0 is an empty
        // slot, as codes start at 258. The table is small enough for the CPU's first-level cache,
        // where the lookup of every input byte must hit. Emptying it (a new run or a CLEAR) zeroes
        // only the slots the run filled, which are listed in usedSlots.
        private final int[] table = new int[MAX_SLOTS];
        private final int[] usedSlots = new int[MAX_CODE + 1];
        private int used;
        private int slotMask;
        private int hashShift;
        private byte[] out;
        private int size;
        private int bits;
        private int nBits;
        private int width;
        private int next;
        private int limit;

        byte[] encode(byte[] buf, int offset, int length) {
            // At most one entry per input byte and never more than the code space, at load <= 1/2;
            // a short input uses the front of the table only, which stays in the CPU cache.
            int entries = Math.max(8, Math.min(length, MAX_CODE));
            int slots = Integer.highestOneBit(entries) << 2;
            slotMask = slots - 1;
            hashShift = Integer.numberOfLeadingZeros(slots) + 1;
            out = new byte[length / 2 + 16];
            size = 0;
            bits = 0;
            nBits = 0;
            width = MIN_WIDTH;
            next = EOF;
            limit = 1 << MIN_WIDTH;
            emptyTable();
            write(CLEAR);
            if (length > 0) {
                int code = buf[offset] & 0xff;
                for (int i = offset + 1, end = offset + length; i < end; i++) {
                    int literal = buf[i] & 0xff;
                    int key = code << 8 | literal;
                    int slot = (key * 0x9E3779B1) >>> hashShift;
                    int entry;
                    while ((entry = table[slot]) != 0 && entry >>> 12 != key) {
                        slot = (slot + 1) & slotMask;
                    }
                    if (entry != 0) {
                        code = entry & CODE_MASK;
                        continue;
                    }
                    write(code);
                    code = literal;
                    if (addCode()) {
                        table[slot] = key << 12 | next;
                        usedSlots[used++] = slot;
                    }
                }
                write(code);
                addCode();
            }
            write(EOF);
            if (nBits > 0) {
                emit((byte) bits);
            }
            byte[] result = Arrays.copyOf(out, size);
            out = null;
            return result;
        }

        private void emptyTable() {
            for (int i = 0; i < used; i++) {
                table[usedSlots[i]] = 0;
            }
            used = 0;
        }

        /** Takes the next code; returns false when the table was full and has been cleared instead. */
        private boolean addCode() {
            next++;
            if (next == limit) {
                width++;
                limit <<= 1;
            }
            if (next < MAX_CODE) {
                return true;
            }
            write(CLEAR);
            width = MIN_WIDTH;
            next = EOF;
            limit = 1 << MIN_WIDTH;
            emptyTable();
            return false;
        }

        private void write(int code) {
            bits |= code << nBits;
            nBits += width;
            while (nBits >= 8) {
                emit((byte) bits);
                bits >>>= 8;
                nBits -= 8;
            }
        }

        private void emit(byte b) {
            if (size == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 8, 2L * out.length));
            }
            out[size++] = b;
        }
    }
}
