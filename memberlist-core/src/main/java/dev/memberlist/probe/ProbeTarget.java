package dev.memberlist.probe;

import dev.memberlist.wire.Bytes;

import java.util.Objects;

/**
 * The node a probe round checks, as known when the round started.
 *
 * @param name the node's name
 * @param addr the node's address bytes
 * @param port the node's port
 * @param incarnation the node's incarnation
 * @param alive whether it is alive (otherwise suspect, and the ping carries the suspicion)
 * @param protocolMax the highest protocol it understands (3+ serves TCP pings)
 */
public record ProbeTarget(String name, Bytes addr, int port, long incarnation, boolean alive, int protocolMax) {

    /** Validates the fields. */
    public ProbeTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(addr, "addr");
    }
}
