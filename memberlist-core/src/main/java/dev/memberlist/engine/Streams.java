package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.CompositeDelegate;
import dev.memberlist.delegate.Verdict;
import dev.memberlist.state.Membership;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.state.NodeTable;
import dev.memberlist.state.ProtocolCompatibility;
import dev.memberlist.state.Versions;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.Transport;
import dev.memberlist.wire.AckResponse;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.ErrorResponse;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.PushPullHeader;
import dev.memberlist.wire.StreamCodec;
import dev.memberlist.wire.StreamMessage;
import dev.memberlist.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Everything that travels over TCP: push/pull anti-entropy (Go's {@code pushPullNode},
 * {@code sendAndReceiveState}, {@code mergeRemoteState}), reliable user messages, fallback pings, and
 * the responder side of all three. Engine thread only; transport results come back as engine tasks.
 */
final class Streams {

    private static final Logger log = LoggerFactory.getLogger(Streams.class);
    /** The drop reason of a stream whose handling failed on our side. */
    static final String INTERNAL_ERROR = "internal_error";

    private final MemberlistConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Transport transport;
    private final StreamCodec codec;
    private final NodeTable table;
    private final Membership membership;
    private final CompositeDelegate delegates;
    private final Telemetry telemetry;
    private final IntSupplier bindPort;

    Streams(MemberlistConfig config, EngineSeams seams, StreamCodec codec, NodeTable table, Membership membership,
            IntSupplier bindPort) {
        this.config = config;
        this.clock = seams.clock();
        this.scheduler = seams.scheduler();
        this.transport = seams.transport();
        this.codec = codec;
        this.table = table;
        this.membership = membership;
        this.delegates = config.delegates();
        this.telemetry = config.telemetry();
        this.bindPort = bindPort;
    }

    /**
     * Exchanges node tables with a peer and merges its table into ours.
     *
     * @param to the peer
     * @param join whether this is part of a join
     * @return completes, on the engine thread, once merged; fails with the reason
     */
    CompletableFuture<Void> pushPull(InetSocketAddress to, boolean join) {
        long startNanos = clock.nanoTime();
        CompletableFuture<Void> result = exchange(to, encode(localState(join)), config.tcpTimeout(),
                response -> {
                    if (!(response instanceof StreamMessage.PushPull remote)) {
                        throw new MemberlistException("expected a push/pull response, got " + describe(response));
                    }
                    merge(join, remote);
                    return null;
                });
        return result.whenComplete((ignored, failure) ->
                telemetry.pushPullCompleted(join, failure == null, Duration.ofNanos(clock.nanoTime() - startNanos)));
    }

    /**
     * Pings a node over TCP (the fallback probe).
     *
     * @param to the node
     * @param ping the ping, with the round's sequence number
     * @param timeout the deadline
     * @return whether the node answered with a matching ack
     */
    CompletableFuture<Boolean> ping(InetSocketAddress to, Ping ping, Duration timeout) {
        return exchange(to, MessageCodec.encode(ping), timeout,
                response -> response instanceof StreamMessage.Ack ack && ack.ack().seqNo() == ping.seqNo());
    }

    /**
     * Answers an inbound stream (Go's {@code handleConn}). Whatever goes wrong, the stream is
     * answered, with an error response or by closing it; a failure never leaves it hanging until
     * the initiator's timeout.
     *
     * @param stream the stream, its request complete
     */
    void handle(InboundStream stream) {
        try {
            answer(stream);
        } catch (RuntimeException e) {
            log.error("Failed to answer a stream from {}", stream.remote(), e);
            failed(stream, e);
        }
    }

    /** Counts the failure and answers the stream with an error; closes it if even that fails. */
    private void failed(InboundStream stream, RuntimeException failure) {
        try {
            telemetry.inputDropped(INTERNAL_ERROR);
            reply(stream, MessageCodec.encode(new ErrorResponse("internal error: " + rootMessage(failure))));
        } catch (RuntimeException e) {
            log.debug("Failed to send the error response to {}", stream.remote(), e);
            stream.close();
        }
    }

    private void answer(InboundStream stream) {
        telemetry.bytesReceived("tcp", stream.request().length);
        StreamMessage request;
        try {
            request = codec.decodeRequest(stream.request());
        } catch (WireFormatException e) {
            telemetry.inputDropped(e.reason().name().toLowerCase(Locale.ROOT));
            log.warn("Failed to read a stream from {}: {}", stream.remote(), e.getMessage());
            if (e.reason() == WireFormatException.Reason.LABEL_MISMATCH || e.reason() == WireFormatException.Reason.BAD_LABEL) {
                stream.close();
            } else {
                reply(stream, MessageCodec.encode(new ErrorResponse(e.getMessage())));
            }
            return;
        }
        if (request instanceof StreamMessage.PushPull remote) {
            telemetry.messageReceived("push_pull");
            reply(stream, encode(localState(remote.header().join())));
            try {
                merge(remote.header().join(), remote);
            } catch (MemberlistException e) {
                log.warn("Failed to merge the state pushed by {}: {}", stream.remote(), e.getMessage());
            }
        } else if (request instanceof StreamMessage.User user) {
            telemetry.messageReceived("user");
            stream.close();
            if (!user.payload().isEmpty()) {
                byte[] payload = user.payload().toByteArray();
                SafeCalls.run("Delegate.notifyMessage", () -> delegates.notifyMessage(payload));
            }
        } else if (request instanceof StreamMessage.PingRequest pingRequest) {
            telemetry.messageReceived("ping");
            Ping ping = pingRequest.ping();
            if (!ping.node().isEmpty() && !ping.node().equals(config.name())) {
                log.warn("Got a TCP ping for unexpected node '{}' from {}", ping.node(), stream.remote());
                stream.close();
            } else {
                reply(stream, MessageCodec.encode(new AckResponse(ping.seqNo(), Bytes.NIL)));
            }
        } else {
            log.warn("Unexpected {} on a stream from {}", describe(request), stream.remote());
            stream.close();
        }
    }

    private <T> CompletableFuture<T> exchange(InetSocketAddress to, byte[] message, Duration timeout,
                                              Function<StreamMessage, T> onResponse) {
        byte[] request = codec.encodeRequest(message);
        telemetry.bytesSent("tcp", request.length);
        CompletableFuture<T> result = new CompletableFuture<>();
        transport.exchange(to, request, timeout).whenComplete((response, failure) -> scheduler.execute(() -> {
            try {
                if (failure != null) {
                    throw new MemberlistException("TCP exchange with " + to + " failed: " + rootMessage(failure), failure);
                }
                telemetry.bytesReceived("tcp", response.length);
                StreamMessage decoded = codec.decodeResponse(response);
                if (decoded instanceof StreamMessage.Error error) {
                    throw new MemberlistException("remote error from " + to + ": " + error.error().error());
                }
                result.complete(onResponse.apply(decoded));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    private void reply(InboundStream stream, byte[] message) {
        byte[] response = codec.encodeResponse(message);
        telemetry.bytesSent("tcp", response.length);
        stream.reply(response);
    }

    private static byte[] encode(StreamMessage.PushPull state) {
        return StreamCodec.pushPull(state.header(), state.nodes(), state.userState());
    }

    private StreamMessage.PushPull localState(boolean join) {
        List<PushNodeState> nodes = new ArrayList<>(table.size());
        for (NodeRecord record : table.records()) {
            nodes.add(new PushNodeState(record.name(), record.addr(), record.port(), record.meta(), record.incarnation(),
                    record.state().code(), Versions.toBytes(record.versions())));
        }
        byte[] state = SafeCalls.get("Delegate.localState", () -> delegates.localState(join), new byte[0]);
        return new StreamMessage.PushPull(new PushPullHeader(nodes.size(), state.length, join), nodes,
                state.length == 0 ? Bytes.EMPTY : Bytes.copyOf(state));
    }

    /** Go's {@code mergeRemoteState}: version check, merge filter, merge, then the user state. */
    private void merge(boolean join, StreamMessage.PushPull remote) {
        List<PushNodeState> nodes = withPortsFixed(remote.nodes());
        Optional<String> incompatible = ProtocolCompatibility.check(nodes, table.records());
        if (incompatible.isPresent()) {
            throw new MemberlistException(incompatible.get());
        }
        if (join && delegates.hasMergeDelegate()) {
            List<Node> peers = toNodes(nodes);
            Verdict verdict = SafeCalls.get("MergeDelegate.notifyMerge", () -> delegates.notifyMerge(peers),
                    Verdict.reject("the merge delegate failed"));
            if (!verdict.accepted()) {
                throw new MemberlistException("merge canceled: " + verdict.rejection().orElse(""));
            }
        }
        membership.merge(nodes);
        if (!remote.userState().isEmpty()) {
            byte[] state = remote.userState().toByteArray();
            SafeCalls.run("Delegate.mergeRemoteState", () -> delegates.mergeRemoteState(state, join));
        }
    }

    private List<PushNodeState> withPortsFixed(List<PushNodeState> nodes) {
        int defaultPort = bindPort.getAsInt();
        List<PushNodeState> fixed = new ArrayList<>(nodes.size());
        for (PushNodeState n : nodes) {
            boolean fix = config.protocolVersion() < 2 || n.port() == 0;
            fixed.add(fix ? new PushNodeState(n.name(), n.addr(), defaultPort, n.meta(), n.incarnation(), n.state(), n.vsn()) : n);
        }
        return fixed;
    }

    /**
     * Go shows the MergeDelegate every entry. An entry a {@link Node} cannot express (an address of
     * neither 4 nor 16 bytes, a state Go does not define) is never silently left out of its view:
     * the merge is refused instead.
     */
    private static List<Node> toNodes(List<PushNodeState> nodes) {
        List<Node> peers = new ArrayList<>(nodes.size());
        for (PushNodeState n : nodes) {
            Optional<NodeState> state = NodeState.fromCode(n.state());
            if (n.addr().length() != 4 && n.addr().length() != 16) {
                throw new MemberlistException("push/pull entry for " + n.name() + " has a " + n.addr().length()
                        + "-byte address; refusing the merge rather than hiding the entry from the merge delegate");
            }
            if (state.isEmpty()) {
                throw new MemberlistException("push/pull entry for " + n.name() + " has the unknown state "
                        + n.state() + "; refusing the merge rather than hiding the entry from the merge delegate");
            }
            peers.add(new Node(n.name(), NodeRecord.inetAddress(n.addr()), n.port(), n.meta().toByteArray(),
                    state.get(), n.incarnation(), Versions.parse(n.vsn()).orElse(ProtocolVersions.UNKNOWN)));
        }
        return peers;
    }

    private static String describe(StreamMessage message) {
        return message.getClass().getSimpleName();
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
