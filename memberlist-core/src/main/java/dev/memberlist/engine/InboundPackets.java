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
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Handles inbound UDP packets (Go's {@code ingestPacket}, {@code handleCommand} and
 * {@code packetHandler}): decodes them, answers pings, relays indirect pings and matches acks and
 * nacks at once, and queues gossip and user messages, which are applied only while no datagram
 * waits, so a probe answer is never held up behind them. Engine thread only.
 */
final class InboundPackets {

    private static final Logger log = LoggerFactory.getLogger(InboundPackets.class);
    /** Queued messages handled in one engine task at most, so timers and commands get their turn. */
    private static final int MESSAGES_PER_TASK = 64;
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
    private final QueuedMessages queued;
    private boolean continuationScheduled;
    private boolean overflowing;
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
        this.queued = new QueuedMessages(config.handoffQueueDepth());
        this.bindPort = bindPort;
    }

    /** Decodes a datagram, handles its probe traffic now and queues its other messages. */
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
            switch (message.type()) {
                case PING -> handlePing((Ping) message, packet.from());
                case INDIRECT_PING -> relay((IndirectPingRequest) message, packet.from());
                case ACK_RESP -> {
                    AckResponse ack = (AckResponse) message;
                    acks.ack(ack.seqNo(), ack.payload(), packet.receivedAtNanos());
                }
                case NACK_RESP -> acks.nack(((NackResponse) message).seqNo());
                case SUSPECT, DEAD -> {
                    if (isAboutThisNode(message)) {
                        apply(message, packet.from());
                    } else {
                        queue(message, packet.from());
                    }
                }
                case ALIVE, USER -> queue(message, packet.from());
                default -> log.warn("Dropping a {} message that has no place in a packet, from {}", message.type(),
                        packet.from());
            }
        }
    }

    /**
     * Handles queued gossip and user messages, alive first and newest first, until none is left or
     * a datagram waits; after {@link #MESSAGES_PER_TASK} it yields the engine thread and goes on in a
     * task of its own.
     *
     * @param datagramWaiting whether a datagram waits to be {@linkplain #handle handled}; its task
     *     calls this again afterwards
     */
    void handleQueued(BooleanSupplier datagramWaiting) {
        for (int handled = 0; handled < MESSAGES_PER_TASK; handled++) {
            if (queued.isEmpty()) {
                overflowing = false;
                return;
            }
            if (datagramWaiting.getAsBoolean()) {
                return;
            }
            QueuedMessages.Queued next = queued.poll();
            apply(next.message(), next.from());
        }
        if (!queued.isEmpty() && !continuationScheduled) {
            continuationScheduled = true;
            scheduler.execute(() -> {
                continuationScheduled = false;
                handleQueued(datagramWaiting);
            });
        }
    }

    /**
     * A suspicion or death about this node is refuted at once, as a probe is answered: it is the
     * other half of failure detection, and a refutation that waits behind gossip on a busy node is
     * how a live node gets declared dead.
     */
    private boolean isAboutThisNode(Message message) {
        String node = message instanceof Suspect suspect ? suspect.node() : ((Dead) message).node();
        return node.equals(config.name());
    }

    /** Forgets the queued messages, on shutdown. */
    void clear() {
        queued.clear();
    }

    private void queue(Message message, InetSocketAddress from) {
        if (queued.offer(message, from)) {
            return;
        }
        telemetry.inputDropped("message_queue_full");
        if (!overflowing) {
            overflowing = true;
            log.warn("Dropping {} messages: {} already wait for the engine (handoffQueueDepth)", message.type(),
                    config.handoffQueueDepth());
        } else {
            log.debug("Dropping a {} message from {}: the queue is full", message.type(), from);
        }
    }

    private void apply(Message message, InetSocketAddress from) {
        switch (message.type()) {
            case SUSPECT -> membership.suspectNode((Suspect) message);
            case ALIVE -> handleAlive((Alive) message, from);
            case DEAD -> membership.deadNode((Dead) message);
            case USER -> {
                byte[] payload = ((UserMessage) message).payload().toByteArray();
                SafeCalls.run("Delegate.notifyMessage", () -> delegates.notifyMessage(payload));
            }
            default -> throw new IllegalStateException("not a queued message type: " + message.type());
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
        InetSocketAddress replyTo = Addresses.replyTo(ping.sourceAddr(), ping.sourcePort(), from);
        byte[] ack = MessageCodec.encode(new AckResponse(ping.seqNo(), ackPayload));
        if (ping.sourceNode().equals(self.name())) {
            // A ping from this node itself (the warm-up): gossip piggybacked here would spend its
            // transmits on nobody.
            outbound.sendRaw(replyTo, ack, false);
        } else {
            outbound.sendWithPiggyback(replyTo, ack);
        }
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
