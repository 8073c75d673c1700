package dev.memberlist.transport.netty;

import dev.memberlist.transport.InboundStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/** An accepted stream as the engine sees it. Reply and close are idempotent and safe from any thread. */
final class ChannelInboundStream implements InboundStream {

    private final Channel channel;
    private final InetSocketAddress remote;
    private final byte[] request;
    private final AtomicBoolean answered = new AtomicBoolean();

    ChannelInboundStream(Channel channel, InetSocketAddress remote, byte[] request) {
        this.channel = channel;
        this.remote = remote;
        this.request = request;
    }

    @Override
    public byte[] request() {
        return request;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public void reply(byte[] response) {
        if (answered.compareAndSet(false, true)) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        if (answered.compareAndSet(false, true)) {
            channel.close();
        }
    }
}
