package dev.memberlist.agent;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.transport.netty.NettyTransport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Netty transport with gopeer's traffic counters: UDP packets and bytes sent, and TCP streams this
 * node opened (counted once they succeed) with the bytes they carried both ways. It binds as soon as it is created, before the
 * node exists, so the bound port can name the node ({@code java-<port>}, as gopeer's {@code go-<port>});
 * traffic that arrives before the node starts is dropped, which is harmless since nobody knows the
 * address yet. Thread-safe.
 */
final class CountingTransport implements Transport {

    private final NettyTransport netty;
    private final LongAdder udpPackets = new LongAdder();
    private final LongAdder udpBytes = new LongAdder();
    private final LongAdder tcpStreams = new LongAdder();
    private final LongAdder tcpBytes = new LongAdder();
    private volatile TransportHandler handler;

    private CountingTransport(MemberlistConfig config) {
        this.netty = new NettyTransport(config);
    }

    /**
     * @param config the bind settings
     * @return a transport already listening
     * @throws dev.memberlist.MemberlistException when it cannot bind
     */
    static CountingTransport bind(MemberlistConfig config) {
        CountingTransport transport = new CountingTransport(config);
        transport.netty.start(transport.new Forwarder());
        return transport;
    }

    /** @return the port actually bound */
    int boundPort() {
        return netty.boundAddress().getPort();
    }

    long udpPackets() {
        return udpPackets.sum();
    }

    long udpBytes() {
        return udpBytes.sum();
    }

    long tcpStreams() {
        return tcpStreams.sum();
    }

    long tcpBytes() {
        return tcpBytes.sum();
    }

    @Override
    public void start(TransportHandler value) {
        handler = value;
    }

    @Override
    public InetSocketAddress advertiseAddress() {
        return netty.advertiseAddress();
    }

    @Override
    public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
        udpPackets.increment();
        udpBytes.add(packet.length);
        return netty.sendPacket(to, packet);
    }

    @Override
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        CompletionStage<byte[]> response = netty.exchange(to, request, timeout);
        response.thenAccept(bytes -> countStream(request.length + (long) bytes.length));
        return response;
    }

    @Override
    public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        CompletionStage<Void> written = netty.send(to, message, timeout);
        written.thenRun(() -> countStream(message.length));
        return written;
    }

    private void countStream(long bytes) {
        tcpStreams.increment();
        tcpBytes.add(bytes);
    }

    @Override
    public void close() {
        netty.close();
    }

    private final class Forwarder implements TransportHandler {

        @Override
        public void onPacket(InboundPacket packet) {
            TransportHandler target = handler;
            if (target != null) {
                target.onPacket(packet);
            }
        }

        @Override
        public void onStream(InboundStream stream) {
            TransportHandler target = handler;
            if (target != null) {
                target.onStream(stream);
            } else {
                stream.close();
            }
        }
    }
}
