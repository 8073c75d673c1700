package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.Telemetry;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.state.NodeTable;
import dev.memberlist.transport.Transport;
import dev.memberlist.wire.MessageType;
import dev.memberlist.wire.PacketCodec;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends best-effort user messages on the caller's thread, as Go writes them on the caller's
 * goroutine: it reads the destination from the published node records, frames, compresses,
 * checksums, encrypts and labels the message, and hands it to the transport's bounded user path
 * ({@link Transport#sendUserPacket}). The engine's queue never sees user messages, so a node
 * that sends a flood of them still answers probes in time; what the transport cannot take at once
 * is refused, never queued ahead of the protocol's own packets.
 *
 * <p>Thread-safe: it reads only immutable records from the concurrent node table and uses the
 * thread-safe packet codec and keyring; it touches no engine state.
 */
public final class UserPacketSender {

    private final MemberlistConfig config;
    private final NodeTable table;
    private final PacketCodec codec;
    private final Transport transport;
    private final Telemetry telemetry;

    UserPacketSender(MemberlistConfig config, NodeTable table, PacketCodec codec, Transport transport) {
        this.config = config;
        this.table = table;
        this.codec = codec;
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
    public CompletionStage<Void> sendToNode(String node, byte[] message) {
        NodeRecord target = table.get(node).orElse(null);
        if (target == null) {
            return CompletableFuture.failedFuture(new MemberlistException("unknown node " + node));
        }
        return send(Addresses.of(target), message, target.versions().protocolMax() >= 5);
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
            return CompletableFuture.failedFuture(new MemberlistException("node names are required to send"));
        }
        return send(address, message, false);
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
