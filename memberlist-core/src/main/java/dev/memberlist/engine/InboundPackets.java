package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.CompositeDelegate;
import dev.memberlist.probe.AckHandler;
import dev.memberlist.probe.AckTracker;
import dev.memberlist.state.Membership;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.wire.AckResponse;
import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Dead;
import dev.memberlist.wire.DecodedPacket;
import dev.memberlist.wire.IndirectPingRequest;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.NackResponse;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.Suspect;
import dev.memberlist.wire.UserMessage;
import dev.memberlist.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Handles inbound UDP packets (Go's {@code ingestPacket} and {@code handleCommand}): decodes them,
 * answers pings, relays indirect pings, matches acks and nacks, and applies gossip. Engine thread only.
 */
final class InboundPackets {

    private static final Logger log = LoggerFactory.getLogger(InboundPackets.class);
    /** The drop reason of a message that names no node where {@code RequireNodeNames} needs one. */
    static final String NODE_NAME_MISSING = "node_name_missing";

    private final MemberlistConfig config;
    private final Scheduler scheduler;
    private final PacketCodec codec;
    private final Membership membership;
    private final AckTracker acks;
    private final Outbound outbound;
    private final EngineListener listener;
    private final CompositeDelegate delegates;
    private final Telemetry telemetry;
    private final IntSupplier bindPort;

    InboundPackets(MemberlistConfig config, Scheduler scheduler, PacketCodec codec, Membership membership,
                   AckTracker acks, Outbound outbound, EngineListener listener, IntSupplier bindPort) {
        this.config = config;
        this.scheduler = scheduler;
        this.codec = codec;
        this.membership = membership;
        this.acks = acks;
        this.outbound = outbound;
        this.listener = listener;
        this.delegates = config.delegates();
        this.telemetry = config.telemetry();
        this.bindPort = bindPort;
    }

    void handle(InboundPacket packet) {
        telemetry.bytesReceived("udp", packet.payload().length);
        DecodedPacket decoded;
        try {
            decoded = codec.decode(packet.payload());
        } catch (WireFormatException e) {
            dropped(e, packet.from());
            return;
        }
        for (WireFormatException partError : decoded.partErrors()) {
            dropped(partError, packet.from());
        }
        for (Message message : decoded.messages()) {
            telemetry.messageReceived(message.type().metricName());
            dispatch(message, packet.from(), packet.receivedAtNanos());
        }
    }

    private void dispatch(Message message, InetSocketAddress from, long receivedAtNanos) {
        switch (message.type()) {
            case PING -> handlePing((Ping) message, from);
            case INDIRECT_PING -> relay((IndirectPingRequest) message, from);
            case ACK_RESP -> {
                AckResponse ack = (AckResponse) message;
                acks.ack(ack.seqNo(), ack.payload(), receivedAtNanos);
            }
            case NACK_RESP -> acks.nack(((NackResponse) message).seqNo());
            case SUSPECT -> membership.suspectNode((Suspect) message);
            case ALIVE -> handleAlive((Alive) message, from);
            case DEAD -> membership.deadNode((Dead) message);
            case USER -> {
                byte[] payload = ((UserMessage) message).payload().toByteArray();
                SafeCalls.run("Delegate.notifyMessage", () -> delegates.notifyMessage(payload));
            }
            default -> log.warn("Dropping a {} message that has no place in a packet, from {}", message.type(), from);
        }
    }

    private void handlePing(Ping ping, InetSocketAddress from) {
        NodeRecord self = membership.local();
        if (!ping.node().isEmpty() && !ping.node().equals(self.name())) {
            log.warn("Got ping for unexpected node '{}' from {}", ping.node(), from);
            return;
        }
        if (nameMissing(ping.sourceNode(), "a ping", from)) {
            return;
        }
        byte[] payload = SafeCalls.get("PingDelegate.ackPayload", delegates::ackPayload, new byte[0]);
        Bytes ackPayload = payload.length == 0 ? Bytes.NIL : Bytes.copyOf(payload);
        outbound.sendWithPiggyback(Addresses.replyTo(ping.sourceAddr(), ping.sourcePort(), from),
                MessageCodec.encode(new AckResponse(ping.seqNo(), ackPayload)));
    }

    /** Probes a node for another one (Go's {@code handleIndirectPing}). */
    private void relay(IndirectPingRequest request, InetSocketAddress from) {
        NodeRecord self = membership.local();
        int targetPort = config.protocolVersion() < 2 || request.port() == 0 ? bindPort.getAsInt() : request.port();
        if (request.target().length() != 4 && request.target().length() != 16) {
            log.warn("Dropping an indirect ping with a {}-byte target from {}", request.target().length(), from);
            return;
        }
        if (nameMissing(request.node(), "an indirect ping's target", from)
                || nameMissing(request.sourceNode(), "an indirect ping", from)) {
            return;
        }
        InetSocketAddress requester = Addresses.replyTo(request.sourceAddr(), request.sourcePort(), from);
        long localSeqNo = acks.nextSeqNo();
        boolean[] answered = {false};
        Duration probeTimeout = config.probeTimeout();
        acks.expect(localSeqNo, probeTimeout, new AckHandler() {
            @Override
            public void onAck(Bytes payload, long receivedAtNanos) {
                answered[0] = true;
                outbound.sendWithPiggyback(requester, MessageCodec.encode(new AckResponse(request.seqNo(), Bytes.NIL)));
            }
        });
        Ping ping = new Ping(localSeqNo, request.node(), self.addr(), self.port(), self.name());
        outbound.sendWithPiggyback(Addresses.of(request.target(), targetPort), MessageCodec.encode(ping));
        if (request.nack()) {
            scheduler.schedule(probeTimeout, () -> {
                if (!answered[0]) {
                    outbound.sendWithPiggyback(requester, MessageCodec.encode(new NackResponse(request.seqNo())));
                }
            });
        }
    }

    private void handleAlive(Alive alive, InetSocketAddress from) {
        if (!listener.addressAllowed(from.getAddress().getAddress())) {
            log.debug("Blocked alive message from {}: address not allowed", from);
            telemetry.inputDropped("address_not_allowed");
            return;
        }
        if ((alive.addr().length() == 4 || alive.addr().length() == 16) && !listener.addressAllowed(alive.addr().toByteArray())) {
            log.debug("Blocked alive message for {} from {}: address not allowed", alive.node(), from);
            telemetry.inputDropped("address_not_allowed");
            return;
        }
        Alive fixed = alive;
        if (config.protocolVersion() < 2 || alive.port() == 0) {
            fixed = new Alive(alive.incarnation(), alive.node(), alive.addr(), bindPort.getAsInt(), alive.meta(),
                    alive.vsn());
        }
        membership.aliveNode(fixed, null, false);
    }

    /**
     * Under {@code RequireNodeNames} Go sends nothing to an address without a node name, so a ping
     * whose sender is unnamed goes unanswered and an indirect ping naming no target is not relayed.
     */
    private boolean nameMissing(String name, String what, InetSocketAddress from) {
        if (!name.isEmpty() || !config.requireNodeNames()) {
            return false;
        }
        telemetry.inputDropped(NODE_NAME_MISSING);
        log.warn("Not answering {} from {}: {}", what, from, Engine.NODE_NAMES_REQUIRED);
        return true;
    }

    private void dropped(WireFormatException e, InetSocketAddress from) {
        telemetry.inputDropped(e.reason().name().toLowerCase(Locale.ROOT));
        if (e.reason() == WireFormatException.Reason.LABEL_MISMATCH || e.reason() == WireFormatException.Reason.DECRYPT_FAILED) {
            log.warn("Dropped a packet from {}: {}", from, e.getMessage());
        } else {
            log.debug("Dropped a packet from {}: {}", from, e.getMessage());
        }
    }
}
