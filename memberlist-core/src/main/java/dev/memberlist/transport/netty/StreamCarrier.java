package dev.memberlist.transport.netty;

import io.netty.channel.ChannelFuture;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The stream half of {@link NettyTransport}: what listens for streams and opens them, over TCP
 * (plain or TLS) or QUIC (see {@link dev.memberlist.transport.StreamLayer}). Accepted streams go
 * through {@link StreamPipelines#initializeInbound}. Internal to the transports, public only for the
 * QUIC stream layer. Thread-safe.
 */
public interface StreamCarrier {

    /**
     * Starts listening.
     *
     * @param address the bind address
     * @param port the port to listen on; 0 for a free one where the carrier may choose
     * @return completes with the listening channel (whose channels the transport closes)
     */
    ChannelFuture listen(InetAddress address, int port);

    /**
     * Opens a stream, writes a request and reads one response frame.
     *
     * @param to the peer's stream address
     * @param request the complete request
     * @param timeout for everything, connecting included
     * @return the response frame
     */
    CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout);

    /**
     * Opens a stream and writes a one-way message.
     *
     * @param to the peer's stream address
     * @param message the complete message
     * @param timeout for everything, connecting included
     * @return completes once written
     */
    CompletableFuture<Void> send(InetSocketAddress to, byte[] message, Duration timeout);

    /** Fails every stream under way; later calls fail at once. Channels close with the transport's group. */
    void close();
}
