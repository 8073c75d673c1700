package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.internal.DropSummaryLog;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.StreamFramer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
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

/**
 * The default {@link Transport}: UDP and TCP on one port with Netty, as Go's {@code NetTransport}, or
 * UDP for gossip with QUIC streams on gossip port + {@link MemberlistConfig#quicPortOffset()} (see
 * {@link StreamLayer}); the advertised address is the gossip address either way.
 * Netty threads only move bytes and find frame boundaries; decoding happens on the engine thread.
 * Uses Linux epoll when {@code netty-transport-native-epoll} is on the classpath and loads (the
 * system property {@code memberlist.netty.native=false} turns it off), NIO otherwise. Its I/O threads
 * are named {@code memberlist-io-<node>-…} and end with {@link #close()}. Thread-safe.
 */
public final class NettyTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(NettyTransport.class);
    // Go reads datagrams into a 64 KiB buffer; Netty's default of 2 KiB would truncate them.
    private static final int MAX_DATAGRAM_BYTES = 65_536;
    private static final int MAX_FRAME_BYTES = StreamFramer.MAX_ENCRYPTED_FRAME_BYTES + 64 * 1024;
    // Go retries a few ephemeral ports when UDP cannot have the port TCP got.
    private static final int BIND_ATTEMPTS = 10;
    private static final int MAX_PORT = 65_535;
    private static final int IO_THREADS = 2;
    private static final long CLOSE_WAIT_SECONDS = 5;
    /**
     * Netty 4.2's default allocator records JFR events: the first buffer it hands out defines
     * {@code jdk.jfr.Event} subclasses, which starts JFR's Java side in a JVM that runs no recording
     * (about 0.3 CPU-seconds, measured on the first push/pull of every fresh node, where it made the
     * exchange outlast the {@code local} preset's TCP timeout). Every buffer here holds one datagram or
     * one stream frame and is copied out at once, so pooling buys nothing.
     */
    static final ByteBufAllocator ALLOCATOR = UnpooledByteBufAllocator.DEFAULT;
    /**
     * How many user datagrams may be pending (waiting for the I/O thread, or written but not yet
     * sent) before more are dropped: where Go's blocking socket write holds the sender back, we
     * refuse, so a flood never piles up in memory or in front of the protocol.
     */
    static final int MAX_PENDING_USER_DATAGRAMS = 1024;
    /** How many user datagrams the I/O thread writes before it lets queued protocol packets go. */
    private static final int USER_DATAGRAM_BATCH = 32;
    private static final Duration DROP_LOG_INTERVAL = Duration.ofSeconds(10);

    private final MemberlistConfig config;
    private final IoMode mode;
    private final StreamLimitHandler streamLimit;
    private final StreamBufferBudget streamBuffers;
    private final DropSummaryLog userDrops;
    private volatile EventLoopGroup group;
    private volatile ChannelGroup channels;
    private volatile StreamCarrier streams;
    private volatile Channel udp;
    private volatile UserDatagramQueue userDatagrams;
    private volatile InetSocketAddress bound;
    private volatile InetSocketAddress advertise;
    private volatile boolean closed;

    /**
     * @param config the bind and advertise addresses and ports, TCP timeout, UDP receive buffer size,
     *     inbound stream limits and telemetry
     */
    public NettyTransport(MemberlistConfig config) {
        this(config, IoMode.best());
    }

    NettyTransport(MemberlistConfig config, IoMode mode) {
        this.config = config;
        this.mode = mode;
        this.streamLimit = new StreamLimitHandler(config.maxInboundStreams(), config.telemetry());
        this.streamBuffers = new StreamBufferBudget(config.inboundStreamBufferSize());
        this.userDrops = new DropSummaryLog(log, "best-effort user messages of " + config.name() + ": "
                + MAX_PENDING_USER_DATAGRAMS + " already waited to be written", DROP_LOG_INTERVAL, System::nanoTime);
    }

    /**
     * Binds UDP and the stream layer's listener on the configured address: TCP on the gossip port (a
     * free port, the same for both, when it is 0), or QUIC on UDP port gossip port + {@link
     * MemberlistConfig#quicPortOffset()} (with port 0, a free gossip port whose QUIC neighbour is free
     * too), and starts delivering inbound traffic.
     *
     * @throws MemberlistException when binding fails or no advertise address can be found; nothing
     *     stays open then
     * @throws dev.memberlist.transport.StreamLayerUnavailableException when QUIC is configured but its
     *     libraries are missing or do not load
     * @throws IllegalStateException when already started or closed
     */
    @Override
    public synchronized void start(TransportHandler handler) {
        if (group != null || closed) {
            throw new IllegalStateException(closed ? "transport is closed" : "transport already started");
        }
        group = new MultiThreadIoEventLoopGroup(IO_THREADS,
                new DefaultThreadFactory("memberlist-io-" + config.name(), true), mode.handlerFactory());
        channels = new DefaultChannelGroup("memberlist-" + config.name(), ImmediateEventExecutor.INSTANCE);
        try {
            StreamPipelines pipelines = new StreamPipelines(handler, config.telemetry(), config.tcpTimeout(),
                    MAX_FRAME_BYTES, streamLimit, streamBuffers);
            streams = StreamCarriers.create(new StreamCarrierContext(config, group, mode.datagramChannel(), ALLOCATOR,
                    channels, pipelines), mode);
            bind(InetAddress.getByName(config.bindAddress()), handler);
            advertise = AdvertiseAddress.resolve(config, bound);
            log.debug("Listening on {} (UDP and {} streams, {}), advertising {}", bound, config.streamLayer(),
                    mode.name(), advertise);
        } catch (UnknownHostException e) {
            close();
            throw new MemberlistException("cannot resolve bind address " + config.bindAddress(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void bind(InetAddress address, TransportHandler handler) {
        Bootstrap datagram = new Bootstrap().group(group).channel(mode.datagramChannel())
                .option(ChannelOption.ALLOCATOR, ALLOCATOR)
                .option(ChannelOption.SO_RCVBUF, config.udpReceiveBufferSize())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new DatagramPacketHandler(handler));
        boolean streamsOnGossipPort = config.streamLayer() == StreamLayer.TCP;
        String streamProtocol = streamsOnGossipPort ? "TCP" : "QUIC";
        MemberlistException lastFailure = null;
        for (int attempt = 0; attempt < (config.bindPort() == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            // TCP picks the port that UDP then shares, as Go does; QUIC's port follows from the gossip port.
            ChannelFuture first = (streamsOnGossipPort ? streams.listen(address, config.bindPort())
                    : datagram.bind(address, config.bindPort())).awaitUninterruptibly();
            if (!first.isSuccess()) {
                lastFailure = bindFailure(address, config.bindPort(), streamsOnGossipPort ? "TCP" : "UDP", first.cause());
                continue;
            }
            int port = ((InetSocketAddress) first.channel().localAddress()).getPort();
            int secondPort = streamsOnGossipPort ? port : port + config.quicPortOffset();
            ChannelFuture second = secondPort > MAX_PORT ? null
                    : (streamsOnGossipPort ? datagram.bind(address, port) : streams.listen(address, secondPort))
                    .awaitUninterruptibly();
            if (second == null || !second.isSuccess()) {
                first.channel().close().awaitUninterruptibly();
                lastFailure = second == null
                        ? new MemberlistException("failed to bind " + address.getHostAddress() + ":" + secondPort
                                + " (QUIC): gossip port " + port + " + quicPortOffset " + config.quicPortOffset()
                                + " is past " + MAX_PORT)
                        : bindFailure(address, secondPort, streamsOnGossipPort ? "UDP" : streamProtocol, second.cause());
                continue;
            }
            channels.add(first.channel());
            channels.add(second.channel());
            udp = streamsOnGossipPort ? second.channel() : first.channel();
            userDatagrams = new UserDatagramQueue(udp, MAX_PENDING_USER_DATAGRAMS, USER_DATAGRAM_BATCH,
                    config.telemetry(), userDrops);
            bound = (InetSocketAddress) udp.localAddress();
            log.debug("UDP receive buffer: asked for {} bytes, the OS granted {}", config.udpReceiveBufferSize(),
                    udp.config().getOption(ChannelOption.SO_RCVBUF));
            return;
        }
        throw lastFailure;
    }

    private static MemberlistException bindFailure(InetAddress address, int port, String protocol, Throwable cause) {
        return new MemberlistException("failed to bind " + address.getHostAddress() + ":" + port + " (" + protocol
                + "): " + osMessage(cause), cause);
    }

    /** Epoll says "bind(..) failed with error(-98): Address already in use" where NIO says only the last part. */
    private static String osMessage(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return message.substring(message.lastIndexOf(": ") + 1).trim();
    }

    @Override
    public InetSocketAddress advertiseAddress() {
        InetSocketAddress address = advertise;
        if (address == null) {
            throw new IllegalStateException("transport not started");
        }
        return address;
    }

    /**
     * @return the address and port actually bound for gossip (UDP, and TCP streams on the same port;
     *     QUIC streams listen at this port + {@link MemberlistConfig#quicPortOffset()}); null before start
     */
    public InetSocketAddress boundAddress() {
        return bound;
    }

    /** @return how many inbound streams are open now (refused ones are not counted) */
    int openInboundStreams() {
        return streamLimit.openStreams();
    }

    /** @return how many bytes inbound streams buffer now, together */
    long bufferedInboundStreamBytes() {
        return streamBuffers.reservedBytes();
    }

    @Override
    public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
        Channel channel = udp;
        if (closed || channel == null) {
            return CompletableFuture.failedFuture(new MemberlistException("transport is closed"));
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), to)).addListener(written -> {
            if (written.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(written.cause());
            }
        });
        return sent;
    }

    /**
     * Sends a user datagram behind the protocol's packets: the I/O thread writes user datagrams in
     * small batches between protocol packets, and refuses one with {@link dev.memberlist.UserSendQueueFullException}
     * when {@value #MAX_PENDING_USER_DATAGRAMS} are already pending. Thread-safe.
     */
    @Override
    public CompletionStage<Void> sendUserPacket(InetSocketAddress to, byte[] packet) {
        UserDatagramQueue queue = userDatagrams;
        if (closed || queue == null) {
            return CompletableFuture.failedFuture(new MemberlistException("transport is closed"));
        }
        return queue.offer(to, packet);
    }

    /** @return how many user datagrams are pending now */
    int pendingUserDatagrams() {
        UserDatagramQueue queue = userDatagrams;
        return queue == null ? 0 : queue.pending();
    }

    @Override
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        StreamCarrier carrier = streams;
        if (carrier == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("transport not started"));
        }
        InetSocketAddress target = streamAddress(to);
        return target == null ? noStreamPort(to) : carrier.exchange(target, request, timeout);
    }

    @Override
    public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        StreamCarrier carrier = streams;
        if (carrier == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("transport not started"));
        }
        InetSocketAddress target = streamAddress(to);
        return target == null ? noStreamPort(to) : carrier.send(target, message, timeout);
    }

    /**
     * @return where a peer at this gossip address listens for streams: the same port on TCP, the offset
     *     one on QUIC; null when that is past the last port
     */
    private InetSocketAddress streamAddress(InetSocketAddress gossip) {
        if (config.streamLayer() == StreamLayer.TCP) {
            return gossip;
        }
        int port = gossip.getPort() + config.quicPortOffset();
        return port > MAX_PORT ? null : new InetSocketAddress(gossip.getAddress(), port);
    }

    private <T> CompletionStage<T> noStreamPort(InetSocketAddress gossip) {
        return CompletableFuture.failedFuture(new MemberlistException("no QUIC port for " + gossip + ": its port + "
                + config.quicPortOffset() + " is past " + MAX_PORT));
    }

    /**
     * Fails every pending stage, closes every channel and stops the I/O threads, waiting for them
     * (unless called on one of them). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (group == null) {
            return;
        }
        if (streams != null) {
            streams.close();
        }
        UserDatagramQueue queue = userDatagrams;
        if (queue != null) {
            queue.close();
        }
        boolean wait = !onIoThread();
        if (wait) {
            channels.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } else {
            channels.close();
        }
        var terminated = group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        if (wait && !terminated.awaitUninterruptibly(CLOSE_WAIT_SECONDS + 1, TimeUnit.SECONDS)) {
            log.warn("The I/O threads of {} did not stop within {} s", config.name(), CLOSE_WAIT_SECONDS + 1);
        }
    }

    private boolean onIoThread() {
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
