package dev.memberlist.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * How a node reaches the network: datagrams for gossip and probes (UDP), and streams for push/pull,
 * reliable messages and fallback pings (TCP), as Go's {@code Transport} splits them. The default is
 * the Netty transport; the simulation kit provides an in-memory one.
 *
 * <p>A transport moves bytes and finds frame boundaries; it does not decrypt or decode. Streams
 * carry one request and at most one response. Implementations are thread-safe, and no method
 * blocks: results arrive through the returned stages, on any thread.
 */
public interface Transport extends AutoCloseable {

    /**
     * Starts delivering inbound traffic. Called once, before anything is sent.
     *
     * @param handler receives packets and streams
     */
    void start(TransportHandler handler);

    /** @return the address and port other nodes should use to reach this one */
    InetSocketAddress advertiseAddress();

    /**
     * Sends one datagram.
     *
     * @param to the destination
     * @param packet the datagram's bytes (ownership passes to the transport)
     * @return completes when handed to the network; fails when that was impossible
     */
    CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet);

    /**
     * Sends one datagram of the application's: a best-effort user message. Unlike
     * {@link #sendPacket}, a transport may refuse it, failing the stage with
     * {@link dev.memberlist.UserSendQueueFullException}, when so many user datagrams already wait to be
     * written that more would hold up the protocol's own packets; it counts each refusal as
     * {@link dev.memberlist.Telemetry#outputDropped(String) outputDropped("user_send_queue_full")}.
     * Called on the application's threads. The default sends it as any other datagram.
     *
     * @param to the destination
     * @param packet the datagram's bytes (ownership passes to the transport)
     * @return completes when handed to the network; fails when refused or impossible
     */
    default CompletionStage<Void> sendUserPacket(InetSocketAddress to, byte[] packet) {
        return sendPacket(to, packet);
    }

    /**
     * Opens a stream, writes a request and reads one complete response frame.
     *
     * @param to the destination
     * @param request the complete request, label header included
     * @param timeout the deadline for the whole exchange
     * @return the response frame; fails on timeout, connection errors, or a closed stream without response
     */
    CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout);

    /**
     * Opens a stream, writes a one-way message and closes it.
     *
     * @param to the destination
     * @param message the complete message, label header included
     * @param timeout the deadline for connecting and writing
     * @return completes once written
     */
    CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout);

    /** Stops listening and releases every resource; pending stages fail. */
    @Override
    void close();
}
