package dev.memberlist.transport.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Streams over TCP on the gossip port, Go's way: one connection per stream, plain or with mutual TLS. */
final class TcpStreamCarrier implements StreamCarrier {

    private final StreamCarrierContext context;
    private final IoMode mode;
    private final Optional<StreamTlsContexts> tls;
    private final StreamConnector connector;

    TcpStreamCarrier(StreamCarrierContext context, IoMode mode) {
        this.context = context;
        this.mode = mode;
        this.tls = context.config().streamTls().map(streamTls -> new StreamTlsContexts(streamTls, context.config().tcpTimeout()));
        this.connector = new StreamConnector(context.group(), mode, context.pipelines(), tls);
    }

    @Override
    public ChannelFuture listen(InetAddress address, int port) {
        return new ServerBootstrap().group(context.group()).channel(mode.serverChannel())
                .option(ChannelOption.ALLOCATOR, context.allocator())
                .childOption(ChannelOption.ALLOCATOR, context.allocator())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel child) {
                        context.channels().add(child);
                        ChannelHandler[] security = tls.map(contexts -> new ChannelHandler[] {
                            contexts.serverHandler(child.alloc()), context.pipelines().tlsRefusal()})
                                .orElse(new ChannelHandler[0]);
                        context.pipelines().initializeInbound(child, (InetSocketAddress) child.remoteAddress(), security);
                    }
                })
                .bind(address, port);
    }

    @Override
    public CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        return connector.exchange(to, request, timeout);
    }

    @Override
    public CompletableFuture<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        return connector.send(to, message, timeout);
    }

    @Override
    public void close() {
        connector.close();
    }
}
