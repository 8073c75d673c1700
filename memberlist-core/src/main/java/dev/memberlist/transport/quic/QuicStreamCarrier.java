package dev.memberlist.transport.quic;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.StreamLayerUnavailableException;
import dev.memberlist.transport.netty.PendingStreams;
import dev.memberlist.transport.netty.StreamCarrier;
import dev.memberlist.transport.netty.StreamCarrierContext;
import dev.memberlist.transport.tls.StreamTls;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicException;
import io.netty.handler.codec.quic.QuicCodecBuilder;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.codec.quic.QuicTransportError;
import io.netty.util.AttributeKey;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Streams over QUIC: the node listens on one UDP port (gossip port + {@link
 * MemberlistConfig#quicPortOffset()}) and opens one mutually authenticated connection per peer from
 * a second, ephemeral UDP socket; every exchange or message is a new bidirectional stream on it, so
 * only the first stream to a peer pays for a handshake. A peer may open at most {@code
 * maxInboundStreams} streams at once on one connection, and accepted streams share the transport's
 * stream limit and inbound buffer budget with the same handlers as TCP. A connection whose
 * handshake fails (no certificate, or one the trust material does not vouch for) is counted as
 * {@code tls_refused}. Connections idle for {@link #IDLE_TIMEOUT} close. Thread-safe.
 */
public final class QuicStreamCarrier implements StreamCarrier {

    /** A connection with no packet for this long closes; the next stream dials again. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** The most peer connections kept open at once. */
    static final int MAX_CONNECTIONS = 512;
    // Flow-control windows: quiche grows them as the application reads, so they bound memory per stream
    // and per connection before any frame check, not the size of a push/pull.
    private static final long STREAM_WINDOW = 1024 * 1024;
    private static final long CONNECTION_WINDOW = 8 * 1024 * 1024;

    /** The TLS material current when an accepted connection began its handshake. */
    private static final AttributeKey<StreamTls.Material> MATERIAL = AttributeKey.valueOf("memberlist.quic.material");

    private final StreamCarrierContext context;
    private final StreamTls streamTls;
    private final QuicTlsContexts tls;
    private final PendingStreams pending = new PendingStreams();
    private volatile QuicConnections connections;

    private QuicStreamCarrier(StreamCarrierContext context) {
        this.context = context;
        this.streamTls = context.config().streamTls().orElseThrow(
                () -> new IllegalArgumentException("QUIC streams need streamTls"));
        this.tls = QuicTlsContexts.of(streamTls);
    }

    /**
     * @param context what the carrier shares with its transport
     * @return a QUIC carrier
     * @throws StreamLayerUnavailableException when Netty's native QUIC library does not load here
     */
    public static StreamCarrier create(StreamCarrierContext context) {
        if (!Quic.isAvailable()) {
            throw new StreamLayerUnavailableException("QUIC streams are configured, but Netty's native QUIC library "
                    + "does not load on this platform (io.netty:netty-codec-native-quic needs the classifier of this "
                    + "OS and CPU): " + Quic.unavailabilityCause(), Quic.unavailabilityCause());
        }
        return new QuicStreamCarrier(context);
    }

    @Override
    public ChannelFuture listen(InetAddress address, int port) {
        MemberlistConfig config = context.config();
        ChannelHandler server = withWindows(new QuicServerCodecBuilder())
                .sslContext(tls.server())
                .initialMaxStreamsBidirectional(config.maxInboundStreams())
                .initialMaxStreamsUnidirectional(0)
                // Netty's default token handler skips QUIC's address-validation round trip: members prove
                // themselves with certificates, and the 3x anti-amplification limit bounds replies to spoofers.
                .option(ChannelOption.ALLOCATOR, context.allocator())
                .streamOption(ChannelOption.ALLOCATOR, context.allocator())
                .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .handler(new ChannelInitializer<QuicChannel>() {
                    @Override
                    protected void initChannel(QuicChannel connection) {
                        context.channels().add(connection);
                        connection.attr(MATERIAL).set(streamTls.material());
                        connection.pipeline().addLast(new QuicRefusalHandler(config.telemetry(), config.tcpTimeout()));
                    }
                })
                .streamHandler(new ChannelInitializer<QuicStreamChannel>() {
                    @Override
                    protected void initChannel(QuicStreamChannel stream) {
                        if (stream.parent().attr(MATERIAL).get() != streamTls.material()) {
                            // Authenticated with material since replaced: the peer must dial again and pass
                            // a handshake with the current one, as a TLS stream over TCP would.
                            stream.parent().close();
                            return;
                        }
                        stream.pipeline().addLast(QuicStreamEnds.INSTANCE);
                        context.pipelines().initializeInbound(stream,
                                (InetSocketAddress) stream.parent().remoteSocketAddress());
                    }
                })
                .build();
        ChannelHandler client = withWindows(new QuicClientCodecBuilder())
                .sslContext(tls.client())
                // Peers never open streams towards the side that dialled.
                .initialMaxStreamsBidirectional(0)
                .initialMaxStreamsUnidirectional(0)
                .build();
        connections = new QuicConnections(context, address, client, MAX_CONNECTIONS);
        return new Bootstrap().group(context.group()).channel(context.datagramChannel())
                .option(ChannelOption.ALLOCATOR, context.allocator())
                .handler(server)
                .bind(address, port);
    }

    private static <B extends QuicCodecBuilder<B>> B withWindows(B builder) {
        return builder.maxIdleTimeout(IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .initialMaxData(CONNECTION_WINDOW)
                .initialMaxStreamDataBidirectionalLocal(STREAM_WINDOW)
                .initialMaxStreamDataBidirectionalRemote(STREAM_WINDOW);
    }

    @Override
    public CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        CompletableFuture<byte[]> response = new CompletableFuture<>();
        open(to, timeout, "exchange", response, stream -> context.pipelines().initializeExchange(stream.pipeline(), response),
                stream -> {
                    response.whenComplete((value, failure) -> stream.close());
                    write(stream, request, response, null);
                });
        return response;
    }

    @Override
    public CompletableFuture<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        // The stream closes itself once the peer's FIN arrives; it is closed here only when the send fails.
        open(to, timeout, "send", sent, stream -> { }, stream -> {
            sent.whenComplete((value, failure) -> {
                if (failure != null) {
                    stream.close();
                }
            });
            write(stream, message, sent, sent);
        });
        return sent;
    }

    /** Writes the stream's one message, FIN included; fails the result if that fails, else completes {@code onWritten}. */
    private void write(QuicStreamChannel stream, byte[] message, CompletableFuture<?> result,
                       CompletableFuture<Void> onWritten) {
        ByteBuf bytes = stream.alloc().directBuffer(message.length).writeBytes(message);
        stream.writeAndFlush(bytes).addListener(written -> {
            if (!written.isSuccess()) {
                result.completeExceptionally(written.cause());
            } else if (onWritten != null) {
                onWritten.complete(null);
            }
        });
    }

    @Override
    public void close() {
        pending.close();
    }

    private <T> void open(InetSocketAddress to, Duration timeout, String what, CompletableFuture<T> result,
                          Consumer<QuicStreamChannel> pipeline, Consumer<QuicStreamChannel> onOpen) {
        QuicConnections peers = connections;
        if (peers == null) {
            result.completeExceptionally(new IllegalStateException("not listening"));
            return;
        }
        if (!pending.register(result)) {
            return;
        }
        long timeoutMillis = Math.max(1, timeout.toMillis());
        PendingStreams.scheduleDeadline(context.group().next(), result, timeoutMillis, "QUIC " + what + " with " + to
                + " timed out after " + timeoutMillis + " ms");
        peers.acquire(to, timeoutMillis).whenComplete((connection, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            result.whenComplete((value, streamFailure) -> {
                if (streamFailure instanceof TimeoutException) {
                    peers.discard(to, connection);
                }
            });
            if (result.isDone()) {
                return;
            }
            connection.newStreamBootstrap().type(QuicStreamType.BIDIRECTIONAL)
                    .option(ChannelOption.ALLOCATOR, context.allocator())
                    .handler(new ChannelInitializer<QuicStreamChannel>() {
                        @Override
                        protected void initChannel(QuicStreamChannel stream) {
                            stream.pipeline().addLast(QuicStreamEnds.INSTANCE);
                            pipeline.accept(stream);
                        }
                    })
                    .create()
                    .addListener(created -> {
                        if (!created.isSuccess()) {
                            if (created.cause() instanceof QuicException refused
                                    && refused.error() == QuicTransportError.STREAM_LIMIT_ERROR) {
                                // Netty has used up the refused stream's number, and the peer's credit never
                                // covers a skipped number: new streams need a new connection.
                                peers.retire(to, connection);
                            }
                            result.completeExceptionally(created.cause());
                            return;
                        }
                        QuicStreamChannel stream = (QuicStreamChannel) created.getNow();
                        if (result.isDone()) {
                            stream.close();
                        } else {
                            onOpen.accept(stream);
                        }
                    });
        });
    }
}
