package dev.memberlist.state;

import dev.memberlist.ProtocolVersions;
import dev.memberlist.wire.Bytes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Converts between the wire's six-byte {@code Vsn} field and {@link ProtocolVersions}. */
public final class Versions {

    /** The number of bytes on the wire. */
    public static final int LENGTH = 6;

    /**
     * Every node record holds its node's versions, and a cluster runs only a handful of distinct
     * ones: parsed versions are shared, up to a bound that stray values cannot grow past.
     */
    private static final int SHARED_LIMIT = 64;
    private static final Map<ProtocolVersions, ProtocolVersions> SHARED = new ConcurrentHashMap<>();

    private Versions() {
    }

    /**
     * @param vsn the field as received, of any length
     * @return the versions, or empty when fewer than six bytes arrived
     */
    public static Optional<ProtocolVersions> parse(Bytes vsn) {
        if (vsn.length() < LENGTH) {
            return Optional.empty();
        }
        ProtocolVersions parsed = new ProtocolVersions(vsn.unsignedByteAt(0), vsn.unsignedByteAt(1),
                vsn.unsignedByteAt(2), vsn.unsignedByteAt(3), vsn.unsignedByteAt(4), vsn.unsignedByteAt(5));
        ProtocolVersions shared = SHARED.get(parsed);
        if (shared != null) {
            return Optional.of(shared);
        }
        if (SHARED.size() < SHARED_LIMIT) {
            shared = SHARED.putIfAbsent(parsed, parsed);
        }
        return Optional.of(shared != null ? shared : parsed);
    }

    /**
     * @param versions the versions
     * @return the six bytes sent on the wire
     */
    public static Bytes toBytes(ProtocolVersions versions) {
        return Bytes.copyOf(new byte[] {(byte) versions.protocolMin(), (byte) versions.protocolMax(),
                (byte) versions.protocolCurrent(), (byte) versions.delegateMin(), (byte) versions.delegateMax(),
                (byte) versions.delegateCurrent()});
    }

    /**
     * Go's sanity check on an alive message with at least three version bytes: both protocol bounds
     * non-zero and min not above max.
     *
     * @param vsn the field as received, at least three bytes
     * @return whether the versions are plausible
     */
    public static boolean plausible(Bytes vsn) {
        int min = vsn.unsignedByteAt(0);
        int max = vsn.unsignedByteAt(1);
        return min != 0 && max != 0 && min <= max;
    }
}
