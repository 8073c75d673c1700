package dev.memberlist.transport;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed seed string: {@code [name/]host}, {@code [name/]host:port}, {@code [name/]ip:port} or
 * {@code [name/][v6]:port}. A bare IPv6 literal without brackets is read as a host without a port.
 *
 * @param nodeName the optional node name before a slash (Go passes it to the transport)
 * @param host a host name or IP literal, without brackets
 * @param port the port, or the default when the seed names none
 */
public record SeedAddress(Optional<String> nodeName, String host, int port) {

    /** Validates the fields. */
    public SeedAddress {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /**
     * @param seed the seed string
     * @param defaultPort the port when the seed names none
     * @return the parsed seed
     * @throws IllegalArgumentException when the seed cannot be read
     */
    public static SeedAddress parse(String seed, int defaultPort) {
        String rest = seed.trim();
        Optional<String> name = nodeName(rest);
        if (name.isPresent()) {
            rest = rest.substring(name.get().length() + 1);
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("empty seed: " + seed);
        }
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ] in seed: " + seed);
            }
            String host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.isEmpty()) {
                return new SeedAddress(name, host, defaultPort);
            }
            if (!after.startsWith(":")) {
                throw new IllegalArgumentException("unexpected text after ] in seed: " + seed);
            }
            return new SeedAddress(name, host, port(after.substring(1), seed));
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0 || rest.indexOf(':') != colon) {
            return new SeedAddress(name, rest, defaultPort);
        }
        return new SeedAddress(name, rest.substring(0, colon), port(rest.substring(colon + 1), seed));
    }

    /**
     * Reads the optional node name of a seed as Go's {@code resolveAddr} does: everything before the
     * first slash. Go carries it with the address so that {@code RequireNodeNames} can refuse seeds
     * without one; the rest of the seed may be in any form an {@link AddressResolver} reads.
     *
     * @param seed the seed string
     * @return the node name, or empty when the seed has no slash
     * @throws IllegalArgumentException when the name before the slash is empty
     */
    public static Optional<String> nodeName(String seed) {
        String trimmed = seed.trim();
        int slash = trimmed.indexOf('/');
        if (slash == 0) {
            throw new IllegalArgumentException("empty node name in seed: " + seed);
        }
        return slash < 0 ? Optional.empty() : Optional.of(trimmed.substring(0, slash));
    }

    /**
     * Writes an address the way a seed names it and Go's {@code net.JoinHostPort} does: {@code ip:port},
     * or {@code [ip]:port} for IPv6; an unresolved address keeps its host name.
     *
     * @param address the address
     * @return the text, which {@link #parse} reads back
     */
    public static String format(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static int port(String text, String seed) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port out of range in seed: " + seed);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in seed: " + seed, e);
        }
    }
}
