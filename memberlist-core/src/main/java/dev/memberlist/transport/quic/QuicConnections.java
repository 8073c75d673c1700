package dev.memberlist.transport.quic;

import dev.memberlist.MemberlistException;
import dev.memberlist.transport.netty.PendingStreams;
import dev.memberlist.transport.netty.StreamCarrierContext;
import dev.memberlist.transport.tls.StreamTls;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.quic.QuicChannel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This node's QUIC connections to its peers, one per peer, dialled on first use from one client UDP
 * socket and kept for the streams that follow. At most {@code maxConnections} are kept: the least
 * recently used goes when a new one would pass that. A connection that failed, closed (the peer's
 * idle timeout, a crash, {@link #discard}) or was authenticated with TLS material that {@link
 * StreamTls#update} has since replaced is dropped and dialled again on next use. Thread-safe.
 */
final class QuicConnections {

    private final StreamCarrierContext context;
    private final InetAddress bindAddress;
    private final ChannelHandler clientCodec;
    private final StreamTls tls;
    private final int maxConnections;
    private final Map<InetSocketAddress, Connection> connections = new LinkedHashMap<>(16, 0.75f, true);
    private CompletableFuture<Channel> socket;

    /**
     * @param bindAddress the client socket's address (port 0)
     * @param clientCodec Netty's QUIC client codec, set up with the client TLS context
     */
    QuicConnections(StreamCarrierContext context, InetAddress bindAddress, ChannelHandler clientCodec, int maxConnections) {
        this.context = context;
        this.bindAddress = bindAddress;
        this.clientCodec = clientCodec;
        this.tls = context.config().streamTls().orElseThrow();
        this.maxConnections = maxConnections;
    }

    /**
     * @param to the peer's QUIC address
     * @param timeoutMillis how long a new connection may take to be established, handshake included
     * @return the connection, established
     */
    synchronized CompletableFuture<QuicChannel> acquire(InetSocketAddress to, long timeoutMillis) {
        Connection existing = connections.get(to);
        if (existing != null && existing.usable(tls.material())) {
            return existing.channel();
        }
        if (existing != null) {
            drop(to, existing);
        }
        Connection dialled = new Connection(tls.material(), new CompletableFuture<>(), new AtomicReference<>());
        connections.put(to, dialled);
        evictBeyondLimit();
        dial(to, dialled, timeoutMillis);
        return dialled.channel();
    }

    /** Closes the connection to a peer that let a stream pass its deadline, so the next stream dials anew. */
    synchronized void discard(InetSocketAddress to, QuicChannel channel) {
        Connection current = connections.get(to);
        if (current != null && current.established() == channel) {
            drop(to, current);
        }
    }

    /**
     * Takes a connection out of use without closing it: the streams open on it finish, and it closes
     * when idle. Streams from now on dial a new one.
     */
    synchronized void retire(InetSocketAddress to, QuicChannel channel) {
        Connection current = connections.get(to);
        if (current != null && current.established() == channel) {
            connections.remove(to, current);
        }
    }


    private void evictBeyondLimit() {
        Iterator<Map.Entry<InetSocketAddress, Connection>> eldest = connections.entrySet().iterator();
        while (connections.size() > maxConnections && eldest.hasNext()) {
            Connection evicted = eldest.next().getValue();
            eldest.remove();
            evicted.close();
        }
    }

    private void drop(InetSocketAddress to, Connection connection) {
        connections.remove(to, connection);
        connection.close();
    }

    private synchronized void forget(InetSocketAddress to, Connection connection) {
        connections.remove(to, connection);
    }

    private void dial(InetSocketAddress to, Connection connection, long timeoutMillis) {
        CompletableFuture<QuicChannel> result = connection.channel();
        result.whenComplete((channel, failure) -> {
            if (failure != null) {
                forget(to, connection);
                connection.close();
            }
        });
        socket().whenComplete((client, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            PendingStreams.scheduleDeadline(client.eventLoop(), result, timeoutMillis,
                    "QUIC connection to " + to + " not established within " + timeoutMillis + " ms");
            QuicChannel.newBootstrap(client)
                    .handler(new ChannelInitializer<QuicChannel>() {
                        @Override
                        protected void initChannel(QuicChannel channel) {
                            connection.dialling().set(channel);
                            context.channels().add(channel);
                            channel.closeFuture().addListener(closed -> forget(to, connection));
                            if (result.isDone()) {
                                channel.close();
                            }
                        }
                    })
                    .streamOption(ChannelOption.ALLOCATOR, context.allocator())
                    .remoteAddress(to)
                    .connect()
                    .addListener(connected -> {
                        if (connected.isSuccess()) {
                            QuicChannel channel = (QuicChannel) connected.getNow();
                            if (!result.complete(channel)) {
                                channel.close();
                            }
                        } else {
                            result.completeExceptionally(connected.cause());
                        }
                    });
        });
    }

    /** The client socket, bound on first use: every connection of this node goes out through it. */
    private synchronized CompletableFuture<Channel> socket() {
        if (socket == null) {
            socket = new CompletableFuture<>();
            CompletableFuture<Channel> bound = socket;
            try {
                new Bootstrap().group(context.group()).channel(context.datagramChannel())
                        .option(ChannelOption.ALLOCATOR, context.allocator())
                        .handler(clientCodec)
                        .bind(bindAddress, 0)
                        .addListener(done -> {
                            if (done.isSuccess()) {
                                Channel channel = ((ChannelFuture) done).channel();
                                context.channels().add(channel);
                                bound.complete(channel);
                            } else {
                                bound.completeExceptionally(new MemberlistException("cannot bind the QUIC client socket on "
                                        + bindAddress.getHostAddress() + ": " + done.cause().getMessage(), done.cause()));
                            }
                        });
            } catch (IllegalStateException e) {
                bound.completeExceptionally(new MemberlistException("transport is closed", e));
            }
        }
        return socket;
    }

    /**
     * One peer's connection.
     *
     * @param material the TLS material current when it was dialled
     * @param channel completes once established
     * @param dialling the channel as soon as it exists, to close it when its dial is given up
     */
    private record Connection(StreamTls.Material material, CompletableFuture<QuicChannel> channel,
                              AtomicReference<QuicChannel> dialling) {

        boolean usable(StreamTls.Material current) {
            if (material != current || channel.isCompletedExceptionally()) {
                return false;
            }
            QuicChannel established = established();
            return established == null || established.isActive();
        }

        QuicChannel established() {
            return channel.isDone() && !channel.isCompletedExceptionally() ? channel.join() : null;
        }

        void close() {
            channel.completeExceptionally(new MemberlistException("QUIC connection dropped"));
            QuicChannel existing = dialling.get();
            if (existing != null) {
                existing.close();
            }
        }
    }
}
