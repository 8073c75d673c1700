package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.StreamFramer;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link dev.memberlist.transport.Transport}: UDP and TCP on one port with Netty, as Go's
 * {@code NetTransport}. Netty threads only move bytes and find frame boundaries; decoding happens on
 * the engine thread. Uses Linux epoll when {@code netty-transport-native-epoll} is on the classpath,
 * NIO otherwise. Thread-safe.
 */
public final class NettyTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(NettyTransport.class);
    private static final int MAX_DATAGRAM_BYTES = 65_536;
    private static final int MAX_FRAME_BYTES = StreamFramer.MAX_ENCRYPTED_FRAME_BYTES + 64 * 1024;
    private static final int BIND_ATTEMPTS = 10;
    private static final int IO_THREADS = 2;

    private final MemberlistConfig config;
    private final IoMode mode;
    private final AtomicInteger openStreams = new AtomicInteger();
    private EventLoopGroup group;
    private ChannelGroup channels;
    private Channel udp;
    private InetSocketAddress bound;
    private InetSocketAddress advertise;
    private volatile boolean closed;

    /**
     * @param config the bind and advertise settings, TCP timeout, buffer sizes and stream limit
     */
    public NettyTransport(MemberlistConfig config) {
        this(config, IoMode.best());
    }

    NettyTransport(MemberlistConfig config, IoMode mode) {
        this.config = config;
        this.mode = mode;
    }

    /**
     * Binds UDP and TCP on the configured address and port (a free port when it is 0) and starts
     * delivering inbound traffic.
     *
     * @throws MemberlistException when binding fails; nothing stays open then
     */
    @Override
    public synchronized void start(TransportHandler handler) {
        if (group != null) {
            throw new IllegalStateException("transport already started");
        }
        group = new MultiThreadIoEventLoopGroup(IO_THREADS,
                new DefaultThreadFactory("memberlist-io-" + config.name(), true), mode.handlerFactory());
        channels = new DefaultChannelGroup("memberlist-" + config.name(), ImmediateEventExecutor.INSTANCE);
        try {
            InetAddress address = InetAddress.getByName(config.bindAddress());
            bind(address, handler);
            advertise = AdvertiseAddress.resolve(config, bound);
            log.debug("Listening on {} (UDP and TCP, {}), advertising {}", bound, mode.name(), advertise);
        } catch (UnknownHostException e) {
            close();
            throw new MemberlistException("cannot resolve bind address " + config.bindAddress(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void bind(InetAddress address, TransportHandler handler) {
        ServerBootstrap tcp = new ServerBootstrap().group(group).channel(mode.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        ch.pipeline().addLast(new StreamRequestHandler(handler, config.telemetry(), config.tcpTimeout(),
                                openStreams, config.maxInboundStreams(), MAX_FRAME_BYTES));
                    }
                });
        Bootstrap datagram = new Bootstrap().group(group).channel(mode.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, config.udpReceiveBufferSize())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new DatagramPacketHandler(handler));
        MemberlistException lastFailure = null;
        for (int attempt = 0; attempt < (config.bindPort() == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            ChannelFuture server = tcp.bind(address, config.bindPort()).awaitUninterruptibly();
            if (!server.isSuccess()) {
                lastFailure = bindFailure(address, config.bindPort(), "TCP", server.cause());
                continue;
            }
            int port = ((InetSocketAddress) server.channel().localAddress()).getPort();
            ChannelFuture udpBind = datagram.bind(address, port).awaitUninterruptibly();
            if (!udpBind.isSuccess()) {
                server.channel().close().awaitUninterruptibly();
                lastFailure = bindFailure(address, port, "UDP", udpBind.cause());
                continue;
            }
            channels.add(server.channel());
            channels.add(udpBind.channel());
            udp = udpBind.channel();
            bound = (InetSocketAddress) server.channel().localAddress();
            log.debug("UDP receive buffer: asked {} bytes, got {}", config.udpReceiveBufferSize(),
                    udp.config().getOption(ChannelOption.SO_RCVBUF));
            return;
        }
        throw lastFailure;
    }

    private static MemberlistException bindFailure(InetAddress address, int port, String protocol, Throwable cause) {
        return new MemberlistException("failed to bind " + address.getHostAddress() + ":" + port + " (" + protocol
                + "): " + cause.getMessage(), cause);
    }

    @Override
    public InetSocketAddress advertiseAddress() {
        if (advertise == null) {
            throw new IllegalStateException("transport not started");
        }
        return advertise;
    }

    /** @return the address and port actually bound */
    public InetSocketAddress boundAddress() {
        return bound;
    }

    @Override
    public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
        if (closed || udp == null) {
            return CompletableFuture.failedFuture(new MemberlistException("transport is closed"));
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        udp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), to)).addListener(f -> {
            if (f.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(f.cause());
            }
        });
        return sent;
    }

    @Override
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        CompletableFuture<byte[]> response = new CompletableFuture<>();
        connect(to, timeout, response, new StreamResponseHandler(response, MAX_FRAME_BYTES), channel ->
                channel.writeAndFlush(Unpooled.wrappedBuffer(request)).addListener(f -> {
                    if (!f.isSuccess()) {
                        response.completeExceptionally(f.cause());
                    }
                }));
        return response;
    }

    @Override
    public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        connect(to, timeout, written, null, channel ->
                channel.writeAndFlush(Unpooled.wrappedBuffer(message)).addListener(f -> {
                    if (f.isSuccess()) {
                        written.complete(null);
                    } else {
                        written.completeExceptionally(f.cause());
                    }
                }));
        return written;
    }

    private <T> void connect(InetSocketAddress to, Duration timeout, CompletableFuture<T> result,
                             StreamResponseHandler responseHandler, java.util.function.Consumer<Channel> onConnected) {
        if (closed || group == null) {
            result.completeExceptionally(new MemberlistException("transport is closed"));
            return;
        }
        long timeoutMillis = Math.max(1, timeout.toMillis());
        Bootstrap client = new Bootstrap().group(group).channel(mode.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        if (responseHandler != null) {
                            ch.pipeline().addLast(responseHandler);
                        }
                    }
                });
        ChannelFuture connecting = client.connect(to);
        Channel channel = connecting.channel();
        var deadline = group.next().schedule(() -> result.completeExceptionally(
                new TimeoutException("TCP exchange with " + to + " timed out after " + timeout)),
                timeoutMillis, TimeUnit.MILLISECONDS);
        result.whenComplete((value, failure) -> {
            deadline.cancel(false);
            channel.close();
        });
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            } else if (!result.isDone()) {
                onConnected.accept(channel);
            }
        });
    }

    /** Closes every channel and stops the I/O threads, waiting for them. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (channels != null) {
            channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
