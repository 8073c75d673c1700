package dev.memberlist.state;

import java.util.Objects;

/**
 * The configuration {@link Membership} needs, in engine units.
 *
 * @param localName this node's name
 * @param suspicionMult multiplies the probe interval into the minimum suspicion timeout
 * @param suspicionMaxTimeoutMult multiplies the minimum into the maximum suspicion timeout
 * @param probeIntervalNanos the base probe interval
 * @param deadNodeReclaimNanos how long a dead node's name stays bound to its address; 0 is forever
 */
public record MembershipSettings(String localName, int suspicionMult, int suspicionMaxTimeoutMult,
                                 long probeIntervalNanos, long deadNodeReclaimNanos) {

    /** Validates the fields. */
    public MembershipSettings {
        Objects.requireNonNull(localName, "localName");
    }
}
