package dev.memberlist;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable view of one cluster member, as the local node knows it at one moment.
 *
 * @param name the node's unique name
 * @param address the node's advertised IP address
 * @param port the node's port (UDP and TCP)
 * @param meta the node's metadata from its {@code Delegate} (at most 512 bytes; copied on the
 *     way in and out)
 * @param state what the local node believes about it
 * @param incarnation the node's incarnation number, which only the node itself raises
 * @param versions the protocol versions it advertises
 */
public record Node(String name, InetAddress address, int port, byte[] meta, NodeState state, long incarnation,
                   ProtocolVersions versions) {

    /** Validates and copies the fields. */
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        meta = meta == null ? new byte[0] : meta.clone();
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(versions, "versions");
    }

    /** @return a copy of the metadata */
    @Override
    public byte[] meta() {
        return meta.clone();
    }

    /** @return the node's address and port */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Node that
                && name.equals(that.name)
                && address.equals(that.address)
                && port == that.port
                && Arrays.equals(meta, that.meta)
                && state == that.state
                && incarnation == that.incarnation
                && versions.equals(that.versions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, address, port, Arrays.hashCode(meta), state, incarnation, versions);
    }

    /** @return {@code name (address:port)} plus state and incarnation, as Go logs peers */
    @Override
    public String toString() {
        return name + " (" + address.getHostAddress() + ":" + port + ") " + state + " inc=" + incarnation
                + (meta.length == 0 ? "" : " meta=0x" + HexFormat.of().formatHex(meta));
    }
}
