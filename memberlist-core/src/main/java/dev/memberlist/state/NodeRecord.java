package dev.memberlist.state;

import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.wire.Bytes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * What the local node knows about one node: Go's {@code nodeState}. Immutable; the engine replaces
 * a record on every change, so readers on other threads always see a consistent one.
 *
 * @param name the node's unique name
 * @param addr the node's IP, 4 or 16 bytes, exactly as the node advertised it
 * @param port the node's port
 * @param meta the node's metadata
 * @param versions the node's advertised protocol versions
 * @param incarnation the last known incarnation
 * @param state the current state
 * @param stateChangeNanos engine time of the last state change ({@link #NEVER} before the first)
 */
public record NodeRecord(String name, Bytes addr, int port, Bytes meta, ProtocolVersions versions, long incarnation,
                         NodeState state, long stateChangeNanos) {

    /**
     * The state-change time of a record that never changed state, far enough in the past that
     * any age comparison finds it old, yet far enough from {@code Long.MIN_VALUE} not to overflow.
     */
    public static final long NEVER = Long.MIN_VALUE / 4;

    /** Validates the fields. */
    public NodeRecord {
        Objects.requireNonNull(name, "name");
        if (addr.length() != 4 && addr.length() != 16) {
            throw new IllegalArgumentException("addr must be 4 or 16 bytes: " + addr.length());
        }
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(state, "state");
    }

    /** @return whether the node is dead or has left */
    public boolean isDeadOrLeft() {
        return state.isDeadOrLeft();
    }

    NodeRecord withIncarnation(long newIncarnation) {
        return new NodeRecord(name, addr, port, meta, versions, newIncarnation, state, stateChangeNanos);
    }

    NodeRecord withState(long newIncarnation, NodeState newState, long nowNanos) {
        return new NodeRecord(name, addr, port, meta, versions, newIncarnation, newState, nowNanos);
    }

    /** @return the public, immutable view of this record */
    public Node toNode() {
        return new Node(name, inetAddress(addr), port, meta.toByteArray(), state, incarnation, versions);
    }

    /**
     * Converts wire address bytes; IPv4-mapped IPv6 addresses become IPv4 addresses, as Java maps them.
     *
     * @param addr 4 or 16 bytes
     * @return the address
     */
    public static InetAddress inetAddress(Bytes addr) {
        try {
            return InetAddress.getByAddress(addr.toByteArray());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("addr must be 4 or 16 bytes: " + addr.length(), e);
        }
    }
}
