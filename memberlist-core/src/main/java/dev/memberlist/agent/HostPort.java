package dev.memberlist.agent;

import dev.memberlist.Node;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Addresses as Go's {@code net.JoinHostPort} writes them: {@code ip:port}, or {@code [v6]:port}. */
final class HostPort {

    private HostPort() {
    }

    static String of(Node node) {
        return of(node.socketAddress());
    }

    static String of(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
