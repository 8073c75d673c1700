package dev.memberlist.engine;

import dev.memberlist.probe.AckHandler;
import dev.memberlist.probe.AckTracker;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.state.Versions;
import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Compound;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.PushPullHeader;
import dev.memberlist.wire.StreamCodec;
import dev.memberlist.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the cold paths of a fresh node once, and its probe path a few hundred times, before other
 * nodes need them. A JVM loads, links and first interprets the codec, the compression, the cipher and
 * the TCP client and server on their first use; on a fresh node that first use is the first push/pull
 * of a join, where it cost more than the whole exchange does warm and, with several nodes joining a
 * fresh seed at once, outlasted the {@code local} preset's one-second TCP timeout. And code that runs
 * once a second, as probing does, takes minutes to reach the JIT's compile thresholds (a few hundred
 * calls): until then an idle node runs its probes interpreted, at two to three times the CPU. Go has
 * neither cost.
 *
 * <p>Three steps: the node's own state and a gossip packet through both codecs in memory; a TCP
 * ping to its own advertised address, which runs the connector, the acceptor, the framing and the
 * responder; then {@value #UDP_ROUNDS} UDP pings to itself, one after another, which run the probe
 * path end to end (encoding, the transport both ways, the handoff to the engine, the ack tracker)
 * often enough to have it compiled. Nothing reaches the membership, the broadcast queue or a
 * delegate: self-pings and their acks carry no piggybacked gossip. The pings are counted in
 * telemetry like any other. Engine thread only.
 */
final class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /** Self-pings over UDP: past the JIT's tier-3 invocation threshold (200) for the probe path. */
    static final int UDP_ROUNDS = 250;

    private final String name;
    private final PacketCodec packets;
    private final StreamCodec streamCodec;
    private final Streams streams;
    private final AckTracker acks;
    private final Outbound outbound;

    WarmUp(String name, PacketCodec packets, StreamCodec streamCodec, Streams streams, AckTracker acks,
           Outbound outbound) {
        this.name = name;
        this.packets = packets;
        this.streamCodec = streamCodec;
        this.streams = streams;
        this.acks = acks;
        this.outbound = outbound;
    }

    /**
     * @param self the local node, announced
     * @param to the local node's advertised address
     * @param tcpTimeout the deadline of the TCP ping
     * @param probeTimeout the deadline of each UDP ping; the first unanswered one ends the warm-up
     * @return completes, never exceptionally, once the pings are answered, failed or skipped
     */
    CompletableFuture<Void> run(NodeRecord self, InetSocketAddress to, Duration tcpTimeout, Duration probeTimeout) {
        Ping ping = new Ping(acks.nextSeqNo(), name, self.addr(), self.port(), name);
        try {
            roundTripCodecs(self, ping);
        } catch (WireFormatException e) {
            // The codec cannot read what it writes (gossipVerifyOutgoing off, verifyIncoming on, during a
            // key rollout): the responder would only log the rejection, so the network steps are skipped.
            log.debug("Skipping the network warm-up of {}: {}", name, e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return streams.ping(to, ping, tcpTimeout).handle((answered, failure) -> {
            if (failure != null || !Boolean.TRUE.equals(answered)) {
                log.debug("The TCP warm-up of {} with {} got no answer: {}", name, to,
                        failure == null ? "no matching ack" : Streams.rootMessage(failure));
            }
            return null;
        }).thenCompose(ignored -> udpRounds(self, to, probeTimeout, UDP_ROUNDS));
    }

    private CompletableFuture<Void> udpRounds(NodeRecord self, InetSocketAddress to, Duration timeout, int left) {
        if (left == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return udpPing(self, to, timeout).thenCompose(answered -> {
            if (!answered) {
                log.debug("The UDP warm-up of {} with {} got no answer after {} pings", name, to, UDP_ROUNDS - left);
                return CompletableFuture.completedFuture(null);
            }
            return udpRounds(self, to, timeout, left - 1);
        });
    }

    private CompletableFuture<Boolean> udpPing(NodeRecord self, InetSocketAddress to, Duration timeout) {
        long seqNo = acks.nextSeqNo();
        CompletableFuture<Boolean> answered = new CompletableFuture<>();
        acks.expect(seqNo, timeout, new AckHandler() {
            @Override
            public void onAck(Bytes payload, long receivedAtNanos) {
                answered.complete(true);
            }

            @Override
            public void onExpired() {
                answered.complete(false);
            }
        });
        outbound.sendRaw(to, MessageCodec.encode(new Ping(seqNo, name, self.addr(), self.port(), name)), false)
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        answered.complete(false);
                    }
                });
        return answered;
    }

    private void roundTripCodecs(NodeRecord self, Ping ping) {
        Bytes vsn = Versions.toBytes(self.versions());
        byte[] pushPull = StreamCodec.pushPull(new PushPullHeader(1, 0, false),
                List.of(new PushNodeState(self.name(), self.addr(), self.port(), self.meta(), self.incarnation(),
                        self.state().code(), vsn)), Bytes.EMPTY);
        streamCodec.decodeRequest(streamCodec.encodeRequest(pushPull));
        streamCodec.decodeResponse(streamCodec.encodeResponse(pushPull));
        byte[] alive = MessageCodec.encode(new Alive(self.incarnation(), self.name(), self.addr(), self.port(),
                self.meta(), vsn));
        byte[] compound = Compound.encode(List.of(MessageCodec.encode(ping), alive));
        packets.decode(packets.encode(compound, true));
    }
}
