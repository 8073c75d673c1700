package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.Telemetry;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.state.NodeTable;
import dev.memberlist.transport.Transport;
import dev.memberlist.wire.MessageType;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.StreamCodec;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends the application's user messages on the caller's thread, as Go writes them on the caller's
 * goroutine: it reads the destination from the published node records, frames, compresses,
 * checksums, encrypts and labels the message, and hands it to the transport: best-effort ones to
 * its bounded user path ({@link Transport#sendUserPacket}), reliable ones to a stream of their own.
 * The engine's queue never sees user messages, so a node that sends a flood of them still answers
 * probes in time; what the transport cannot take at once is refused, never queued ahead of the
 * protocol's own packets.
 *
 * <p>Thread-safe: it reads only immutable records from the concurrent node table and uses the
 * thread-safe codecs and keyring; it touches no engine state.
 */
public final class UserMessageSender {

    private final MemberlistConfig config;
    private final NodeTable table;
    private final PacketCodec codec;
    private final StreamCodec streamCodec;
    private final Transport transport;
    private final Telemetry telemetry;

    UserMessageSender(MemberlistConfig config, NodeTable table, PacketCodec codec, StreamCodec streamCodec,
                      Transport transport) {
        this.config = config;
        this.table = table;
        this.codec = codec;
        this.streamCodec = streamCodec;
        this.transport = transport;
        this.telemetry = config.telemetry();
    }

    /**
     * Sends a user message over UDP to a known node (Go's {@code SendBestEffort}), with a CRC when
     * the node speaks protocol 5.
     *
     * @param node the node's name
     * @param message the bytes, copied before this returns
     * @return completes when handed to the network; fails for an unknown node, or with
     *     {@link dev.memberlist.UserSendQueueFullException} when dropped
     */
    public CompletionStage<Void> sendBestEffort(String node, byte[] message) {
        NodeRecord target = table.get(node).orElse(null);
        if (target == null) {
            return unknown(node);
        }
        return send(Addresses.of(target), message, target.versions().protocolMax() >= 5);
    }

    /**
     * Sends a user message over a TCP stream of its own to a known node (Go's {@code SendReliable}).
     *
     * @param node the node's name
     * @param message the bytes, copied before this returns
     * @return completes once written; fails for an unknown node, or when the stream fails
     */
    public CompletionStage<Void> sendReliable(String node, byte[] message) {
        NodeRecord target = table.get(node).orElse(null);
        if (target == null) {
            return unknown(node);
        }
        InetSocketAddress to = Addresses.of(target);
        byte[] request;
        try {
            request = streamCodec.encodeRequest(StreamCodec.userMessage(Bytes.copyOf(message)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new MemberlistException("failed to encode a user message to " + to, e));
        }
        telemetry.bytesSent("tcp", request.length);
        telemetry.messageSent(MessageType.USER.metricName());
        return transport.send(to, request, config.tcpTimeout()).handle((ignored, failure) -> {
            if (failure != null) {
                throw new MemberlistException("reliable send to " + to + " failed: " + Streams.rootMessage(failure),
                        failure);
            }
            return null;
        });
    }

    /**
     * Sends a user message over UDP to an address (Go's {@code SendToAddress}).
     *
     * @param address the destination
     * @param message the bytes, copied before this returns
     * @return completes when handed to the network; fails when node names are required, or with
     *     {@link dev.memberlist.UserSendQueueFullException} when dropped
     */
    public CompletionStage<Void> sendToAddress(InetSocketAddress address, byte[] message) {
        if (config.requireNodeNames()) {
            return CompletableFuture.failedFuture(new MemberlistException(Engine.NODE_NAMES_REQUIRED));
        }
        return send(address, message, false);
    }

    private static CompletionStage<Void> unknown(String node) {
        return CompletableFuture.failedFuture(new MemberlistException("unknown node " + node));
    }

    private CompletionStage<Void> send(InetSocketAddress to, byte[] message, boolean withCrc) {
        byte[] packet = new byte[message.length + 1];
        packet[0] = (byte) MessageType.USER.code();
        System.arraycopy(message, 0, packet, 1, message.length);
        byte[] wire;
        try {
            wire = codec.encode(packet, withCrc);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new MemberlistException("failed to encode a user message to " + to, e));
        }
        telemetry.messageSent(MessageType.USER.metricName());
        telemetry.bytesSent("udp", wire.length);
        return transport.sendUserPacket(to, wire);
    }
}
