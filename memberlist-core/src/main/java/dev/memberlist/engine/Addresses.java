package dev.memberlist.engine;

import dev.memberlist.state.NodeRecord;
import dev.memberlist.wire.Bytes;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Conversions between wire address bytes and socket addresses. */
final class Addresses {

    private Addresses() {
    }

    static InetSocketAddress of(Bytes addr, int port) {
        return new InetSocketAddress(NodeRecord.inetAddress(addr), port);
    }

    static InetSocketAddress of(NodeRecord record) {
        return of(record.addr(), record.port());
    }

    /** The address a reply goes to: the one the message names, if complete, else the packet's source. */
    static InetSocketAddress replyTo(Bytes sourceAddr, int sourcePort, InetSocketAddress from) {
        if (sourcePort > 0 && (sourceAddr.length() == 4 || sourceAddr.length() == 16)) {
            return of(sourceAddr, sourcePort);
        }
        return from;
    }

    static Bytes bytes(InetAddress address) {
        return Bytes.copyOf(address.getAddress());
    }
}
