package dev.memberlist.wire;

import java.util.Optional;

/**
 * The six version bytes every node advertises: the protocol versions it understands and speaks,
 * then the same for the application's delegate.
 *
 * @param protocolMin lowest memberlist protocol understood
 * @param protocolMax highest memberlist protocol understood
 * @param protocolCurrent memberlist protocol spoken
 * @param delegateMin lowest delegate protocol understood
 * @param delegateMax highest delegate protocol understood
 * @param delegateCurrent delegate protocol spoken
 */
public record Vsn(int protocolMin, int protocolMax, int protocolCurrent,
                  int delegateMin, int delegateMax, int delegateCurrent) {

    /** Go's lowest protocol version. */
    public static final int PROTOCOL_VERSION_MIN = 1;
    /** Go's highest protocol version. */
    public static final int PROTOCOL_VERSION_MAX = 5;
    /** The version Go speaks by default. */
    public static final int PROTOCOL_VERSION_DEFAULT = 2;
    /** The number of bytes on the wire. */
    public static final int LENGTH = 6;

    /** Validates that every field fits in a byte. */
    public Vsn {
        for (int v : new int[] {protocolMin, protocolMax, protocolCurrent, delegateMin, delegateMax, delegateCurrent}) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("version bytes are 0..255: " + v);
            }
        }
    }

    /**
     * Go's advertisement for a given spoken version and delegate versions.
     *
     * @param protocolCurrent protocol version spoken, 1..5
     * @param delegateMin lowest delegate version understood
     * @param delegateMax highest delegate version understood
     * @param delegateCurrent delegate version spoken
     * @return {@code [1, 5, protocolCurrent, delegateMin, delegateMax, delegateCurrent]}
     */
    public static Vsn advertised(int protocolCurrent, int delegateMin, int delegateMax, int delegateCurrent) {
        return new Vsn(PROTOCOL_VERSION_MIN, PROTOCOL_VERSION_MAX, protocolCurrent, delegateMin, delegateMax, delegateCurrent);
    }

    /**
     * Reads the first six bytes of a received {@code Vsn} field.
     *
     * @param bytes the field as received
     * @return the versions, or empty when fewer than six bytes arrived
     */
    public static Optional<Vsn> from(Bytes bytes) {
        if (bytes.length() < LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Vsn(bytes.unsignedByteAt(0), bytes.unsignedByteAt(1), bytes.unsignedByteAt(2),
                bytes.unsignedByteAt(3), bytes.unsignedByteAt(4), bytes.unsignedByteAt(5)));
    }

    /** @return the six bytes as sent on the wire */
    public Bytes toBytes() {
        return Bytes.wrap(new byte[] {(byte) protocolMin, (byte) protocolMax, (byte) protocolCurrent,
                (byte) delegateMin, (byte) delegateMax, (byte) delegateCurrent});
    }
}
