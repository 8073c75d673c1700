package dev.memberlist.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string, as Go's {@code []byte} fields travel on the wire.
 *
 * <p>Go tells a nil slice (encoded as msgpack nil, {@code 0xc0}) from an empty one ({@code 0xa0});
 * {@link #NIL} and {@link #EMPTY} keep that difference for encoding. Equality compares content
 * only, as Go's {@code bytes.Equal} does, so {@code NIL.equals(EMPTY)}.
 */
public final class Bytes {

    /** Go's nil slice: no bytes, encoded as msgpack nil. */
    public static final Bytes NIL = new Bytes(new byte[0], true);

    /** An empty, non-nil slice: no bytes, encoded as an empty raw string. */
    public static final Bytes EMPTY = new Bytes(new byte[0], false);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;
    private final boolean nil;
    private int hash;

    private Bytes(byte[] data, boolean nil) {
        this.data = data;
        this.nil = nil;
    }

    /**
     * Copies an array.
     *
     * @param bytes the bytes; {@code null} gives {@link #NIL}
     * @return an immutable copy
     */
    public static Bytes copyOf(byte[] bytes) {
        return bytes == null ? NIL : wrap(bytes.clone());
    }

    /**
     * Copies part of an array.
     *
     * @param bytes the source array
     * @param offset the first byte to copy
     * @param length how many bytes to copy
     * @return an immutable copy of {@code bytes[offset, offset + length)}
     */
    public static Bytes copyOf(byte[] bytes, int offset, int length) {
        return wrap(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * Parses lowercase or uppercase hex.
     *
     * @param hex an even number of hex digits
     * @return the decoded bytes
     */
    public static Bytes fromHex(String hex) {
        return wrap(HEX.parseHex(hex));
    }

    /** Takes ownership of an array that no one else holds. */
    static Bytes wrap(byte[] owned) {
        return owned.length == 0 ? EMPTY : new Bytes(owned, false);
    }

    /** @return the number of bytes */
    public int length() {
        return data.length;
    }

    /** @return whether there are no bytes (true for both {@link #NIL} and {@link #EMPTY}) */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /** @return whether this is Go's nil slice, which encodes as msgpack nil */
    public boolean isNil() {
        return nil;
    }

    /**
     * @param index a position in {@code [0, length())}
     * @return the byte there, as an unsigned value 0..255
     */
    public int unsignedByteAt(int index) {
        return data[index] & 0xff;
    }

    /** @return a fresh copy of the bytes */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** @return a read-only view of the bytes */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** The backing array, for encoders in this package that only read it. */
    byte[] array() {
        return data;
    }

    /** @return the bytes as lowercase hex */
    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && data.length > 0) {
            h = Arrays.hashCode(data);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return nil ? "nil" : "0x" + toHex();
    }
}
