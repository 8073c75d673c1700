package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.CompositeDelegate;
import dev.memberlist.gossip.TransmitLimitedQueue;
import dev.memberlist.transport.Transport;
import dev.memberlist.wire.Compound;
import dev.memberlist.wire.MessageType;
import dev.memberlist.wire.PacketCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Builds and sends UDP packets: a message with gossip piggybacked on it (Go's {@code sendMsg}), or
 * a ready packet (Go's {@code rawSendMsgPacket}). Engine thread only.
 */
final class Outbound {

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    /** The compound header's count byte and type byte. */
    static final int COMPOUND_HEADER_OVERHEAD = 2;
    /** Each compound part's length field. */
    static final int COMPOUND_PART_OVERHEAD = 2;
    /** A user broadcast's type byte, on top of the part overhead. */
    private static final int USER_MESSAGE_OVERHEAD = 1;

    private final MemberlistConfig config;
    private final Transport transport;
    private final PacketCodec codec;
    private final TransmitLimitedQueue queue;
    private final CompositeDelegate delegates;
    private final Telemetry telemetry;

    Outbound(MemberlistConfig config, Transport transport, PacketCodec codec, TransmitLimitedQueue queue,
             CompositeDelegate delegates) {
        this.config = config;
        this.transport = transport;
        this.codec = codec;
        this.queue = queue;
        this.delegates = delegates;
        this.telemetry = config.telemetry();
    }

    /** @return the bytes a packet may hold for messages, after compound, label and encryption overhead */
    int packetBudget() {
        return config.udpBufferSize() - COMPOUND_HEADER_OVERHEAD - codec.overheadBytes();
    }

    /**
     * Sends a message with as many queued broadcasts piggybacked as fit.
     *
     * @param to the destination
     * @param message the encoded message
     * @return completes when handed to the network
     */
    CompletionStage<Void> sendWithPiggyback(InetSocketAddress to, byte[] message) {
        List<byte[]> extra = broadcasts(COMPOUND_PART_OVERHEAD, packetBudget() - message.length);
        if (extra.isEmpty()) {
            return sendRaw(to, message, false);
        }
        List<byte[]> parts = new ArrayList<>(1 + extra.size());
        parts.add(message);
        parts.addAll(extra);
        return sendRaw(to, Compound.encode(parts), false);
    }

    /**
     * Sends the queued broadcasts that fit in one packet, bare or as a compound.
     *
     * @param to the destination
     * @param withCrc whether the destination checks CRCs (protocol 5)
     * @return whether anything was sent (false when nothing is queued)
     */
    boolean sendGossip(InetSocketAddress to, boolean withCrc) {
        List<byte[]> messages = broadcasts(COMPOUND_PART_OVERHEAD, packetBudget());
        if (messages.isEmpty()) {
            return false;
        }
        sendRaw(to, messages.size() == 1 ? messages.get(0) : Compound.encode(messages), withCrc);
        return true;
    }

    /**
     * Compresses, checksums, encrypts and labels a packet as configured, then sends it.
     *
     * @param to the destination
     * @param packet a message or compound
     * @param withCrc whether to add a CRC
     * @return completes when handed to the network
     */
    CompletionStage<Void> sendRaw(InetSocketAddress to, byte[] packet, boolean withCrc) {
        countMessages(packet);
        byte[] wire;
        try {
            wire = codec.encode(packet, withCrc);
        } catch (RuntimeException e) {
            log.error("Failed to encode a packet to {}", to, e);
            return CompletableFuture.failedFuture(e);
        }
        telemetry.bytesSent("udp", wire.length);
        return transport.sendPacket(to, wire);
    }

    /** Memberlist's own broadcasts first, then the application's (Go's {@code getBroadcasts}). */
    private List<byte[]> broadcasts(int overhead, int limit) {
        List<byte[]> chosen = queue.take(overhead, limit);
        int used = 0;
        for (byte[] message : chosen) {
            used += overhead + message.length;
        }
        int available = limit - used;
        if (available <= overhead + USER_MESSAGE_OVERHEAD) {
            return chosen;
        }
        List<byte[]> user = delegates.broadcasts(overhead + USER_MESSAGE_OVERHEAD, available);
        if (user.isEmpty()) {
            return chosen;
        }
        List<byte[]> all = new ArrayList<>(chosen);
        for (byte[] message : user) {
            byte[] framed = new byte[message.length + 1];
            framed[0] = (byte) MessageType.USER.code();
            System.arraycopy(message, 0, framed, 1, message.length);
            all.add(framed);
        }
        return all;
    }

    private void countMessages(byte[] packet) {
        if (packet.length == 0) {
            return;
        }
        if (packet[0] == (byte) MessageType.COMPOUND.code()) {
            int parts = packet.length > 1 ? packet[1] & 0xff : 0;
            int offset = 2 + 2 * parts;
            for (int i = 0; i < parts && offset < packet.length; i++) {
                int length = ((packet[2 + 2 * i] & 0xff) << 8) | (packet[3 + 2 * i] & 0xff);
                countType(packet[offset]);
                offset += length;
            }
        } else {
            countType(packet[0]);
        }
    }

    private void countType(byte type) {
        MessageType.fromCode(type & 0xff).ifPresent(t -> telemetry.messageSent(t.metricName()));
    }
}
