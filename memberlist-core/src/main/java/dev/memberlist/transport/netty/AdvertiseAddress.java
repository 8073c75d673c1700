package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * Go's {@code FinalAdvertiseAddr}: the address other nodes should use. An explicit advertise address
 * wins; a wildcard bind advertises this machine's first private IPv4 address (or, failing that, any
 * non-loopback one); otherwise the bound address.
 */
final class AdvertiseAddress {

    private AdvertiseAddress() {
    }

    static InetSocketAddress resolve(MemberlistConfig config, InetSocketAddress bound) {
        int port = config.advertisePort() > 0 ? config.advertisePort() : bound.getPort();
        if (config.advertiseAddress().isPresent()) {
            try {
                return new InetSocketAddress(InetAddress.getByName(config.advertiseAddress().get()), port);
            } catch (UnknownHostException e) {
                throw new MemberlistException("cannot resolve advertise address " + config.advertiseAddress().get(), e);
            }
        }
        InetAddress boundAddress = bound.getAddress();
        if (!boundAddress.isAnyLocalAddress()) {
            return new InetSocketAddress(boundAddress, port);
        }
        InetAddress chosen = firstInterfaceAddress(true)
                .or(() -> firstInterfaceAddress(false))
                .orElseThrow(() -> new MemberlistException(
                        "no private IP address found, and explicit IP not provided (set advertiseAddress)"));
        return new InetSocketAddress(chosen, port);
    }

    private static Optional<InetAddress> firstInterfaceAddress(boolean privateIpv4Only) {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    if (!privateIpv4Only || (address instanceof Inet4Address && address.isSiteLocalAddress())) {
                        return Optional.of(address);
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            throw new MemberlistException("cannot list network interfaces", e);
        }
    }
}
