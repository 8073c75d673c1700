package dev.memberlist;

/**
 * The six version numbers every node advertises: the memberlist protocol versions it understands
 * and speaks, then the same for the application's delegate protocol. On the wire they are Go's
 * six-byte {@code Vsn} field.
 *
 * @param protocolMin lowest memberlist protocol understood
 * @param protocolMax highest memberlist protocol understood
 * @param protocolCurrent memberlist protocol spoken
 * @param delegateMin lowest delegate protocol understood
 * @param delegateMax highest delegate protocol understood
 * @param delegateCurrent delegate protocol spoken
 */
public record ProtocolVersions(int protocolMin, int protocolMax, int protocolCurrent,
                               int delegateMin, int delegateMax, int delegateCurrent) {

    /** The lowest memberlist protocol version this library understands. */
    public static final int PROTOCOL_MIN = 1;
    /** The highest memberlist protocol version this library understands. */
    public static final int PROTOCOL_MAX = 5;
    /** The version spoken by default, as in Go. */
    public static final int PROTOCOL_DEFAULT = 2;

    /** Versions of a node that never advertised any (all zero). */
    public static final ProtocolVersions UNKNOWN = new ProtocolVersions(0, 0, 0, 0, 0, 0);

    /** Validates that every number fits in an unsigned byte. */
    public ProtocolVersions {
        checkByte(protocolMin);
        checkByte(protocolMax);
        checkByte(protocolCurrent);
        checkByte(delegateMin);
        checkByte(delegateMax);
        checkByte(delegateCurrent);
    }

    /**
     * What this library advertises: {@code [1, 5, protocol, delegateMin, delegateMax, delegate]}.
     *
     * @param protocol the protocol version spoken
     * @param delegateMin lowest delegate version understood
     * @param delegateMax highest delegate version understood
     * @param delegate delegate version spoken
     * @return the versions
     */
    public static ProtocolVersions advertised(int protocol, int delegateMin, int delegateMax, int delegate) {
        return new ProtocolVersions(PROTOCOL_MIN, PROTOCOL_MAX, protocol, delegateMin, delegateMax, delegate);
    }

    private static void checkByte(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("version numbers are 0..255: " + value);
        }
    }
}
