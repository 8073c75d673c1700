package dev.memberlist.transport.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** An {@link EmbeddedChannel} whose peer has an IP address and port, as a TCP connection's does. */
final class InetEmbeddedChannel extends EmbeddedChannel {

    static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.9", 40123);

    InetEmbeddedChannel(ChannelHandler... handlers) {
        super(handlers);
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return REMOTE;
    }
}
