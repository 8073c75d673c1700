package dev.memberlist;

import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport whose datagrams are lost in both directions, as behind a firewall that lets only TCP
 * through: sent packets vanish (the send still succeeds, as UDP gives no error) and received ones are
 * ignored. Streams pass untouched.
 */
final class UdpDroppingTransport implements Transport {

    private final Transport delegate;
    private final AtomicLong dropped = new AtomicLong();

    UdpDroppingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    /** @return how many datagrams were dropped, either way */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void start(TransportHandler handler) {
        delegate.start(new TransportHandler() {
            @Override
            public void onPacket(InboundPacket packet) {
                dropped.incrementAndGet();
            }

            @Override
            public void onStream(InboundStream stream) {
                handler.onStream(stream);
            }
        });
    }

    @Override
    public InetSocketAddress advertiseAddress() {
        return delegate.advertiseAddress();
    }

    @Override
    public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
        dropped.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        return delegate.exchange(to, request, timeout);
    }

    @Override
    public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        return delegate.send(to, message, timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
