package dev.memberlist.transport.netty;

import dev.memberlist.Telemetry;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.StreamFramer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The handlers every stream channel gets, whatever carries it (a TCP connection or a QUIC stream):
 * for an accepted stream the transport-wide stream limit, frame decoding within the shared inbound
 * buffer budget and the hand-over to the engine; for an exchange this node opened, the decoding of
 * the one response frame. One per transport. Internal to the transports, public only so that the
 * QUIC stream layer in its own package can share it.
 */
public final class StreamPipelines {

    private final TransportHandler handler;
    private final Telemetry telemetry;
    private final Duration deadline;
    private final int maxFrameBytes;
    private final StreamLimitHandler streamLimit;
    private final StreamBufferBudget inboundBuffers;

    StreamPipelines(TransportHandler handler, Telemetry telemetry, Duration deadline, int maxFrameBytes,
                    StreamLimitHandler streamLimit, StreamBufferBudget inboundBuffers) {
        this.handler = handler;
        this.telemetry = telemetry;
        this.deadline = deadline;
        this.maxFrameBytes = maxFrameBytes;
        this.streamLimit = streamLimit;
        this.inboundBuffers = inboundBuffers;
    }

    /**
     * Sets up an accepted stream: admitted only within the stream limit, then the given security
     * handlers (TLS on TCP; none where the carrier secures the connection), then one request frame
     * decoded and handed to the engine, all within one deadline.
     *
     * @param stream the accepted stream's channel, not yet active
     * @param remote the peer, as the engine sees it
     * @param security handlers that run between the limit and the decoder
     */
    public void initializeInbound(Channel stream, InetSocketAddress remote, ChannelHandler... security) {
        ChannelPipeline pipeline = stream.pipeline();
        pipeline.addLast(streamLimit);
        pipeline.addLast(security);
        pipeline.addLast(new StreamFrameDecoder(StreamFramer.Side.REQUEST, maxFrameBytes, inboundBuffers),
                new StreamRequestHandler(handler, telemetry, deadline, remote));
    }

    /**
     * Sets up the initiator's side of an exchange: the response frame completes {@code response}.
     *
     * @param pipeline the stream's pipeline
     * @param response completed with the response frame; failed when the stream ends or fails first
     */
    public void initializeExchange(ChannelPipeline pipeline, CompletableFuture<byte[]> response) {
        pipeline.addLast(new StreamFrameDecoder(StreamFramer.Side.RESPONSE, maxFrameBytes, StreamBufferBudget.unlimited()),
                new StreamResponseHandler(response));
    }

    /**
     * @return a handler, for one accepted TLS connection, that counts and logs a failed handshake as
     *     dropped input {@code tls_refused} and closes the connection
     */
    public ChannelHandler tlsRefusal() {
        return new TlsRefusalHandler(telemetry);
    }
}
