package dev.memberlist.engine;

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
import java.util.function.LongSupplier;

/**
 * Runs the cold paths of a fresh node once, before another node needs them. A JVM loads, links and
 * first interprets the codec, the compression, the cipher and the TCP client and server on their
 * first use; on a fresh node that first use is the first push/pull of a join, where it cost more than
 * the whole exchange does warm and, with several nodes joining a fresh seed at once, outlasted the
 * {@code local} preset's one-second TCP timeout. Go has no such cost.
 *
 * <p>Two steps: the node's own state and a gossip packet through both codecs in memory, then a TCP
 * ping to its own advertised address, which runs the connector, the acceptor, the framing and the
 * responder. Nothing reaches the membership, the broadcast queue or a delegate; the TCP ping is
 * counted in telemetry like any other. Engine thread only.
 */
final class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final String name;
    private final PacketCodec packets;
    private final StreamCodec streamCodec;
    private final Streams streams;
    private final LongSupplier seqNos;

    WarmUp(String name, PacketCodec packets, StreamCodec streamCodec, Streams streams, LongSupplier seqNos) {
        this.name = name;
        this.packets = packets;
        this.streamCodec = streamCodec;
        this.streams = streams;
        this.seqNos = seqNos;
    }

    /**
     * @param self the local node, announced
     * @param to the local node's advertised address
     * @param timeout the deadline of the TCP ping
     * @return completes, never exceptionally, once the TCP ping is answered, failed or skipped
     */
    CompletableFuture<Void> run(NodeRecord self, InetSocketAddress to, Duration timeout) {
        Ping ping = new Ping(seqNos.getAsLong(), name, self.addr(), self.port(), name);
        try {
            roundTripCodecs(self, ping);
        } catch (WireFormatException e) {
            // The codec cannot read what it writes (gossipVerifyOutgoing off, verifyIncoming on, during a
            // key rollout): the responder would only log the rejection, so the network step is skipped.
            log.debug("Skipping the TCP warm-up of {}: {}", name, e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return streams.ping(to, ping, timeout).handle((answered, failure) -> {
            if (failure != null || !Boolean.TRUE.equals(answered)) {
                log.debug("The TCP warm-up of {} with {} got no answer: {}", name, to,
                        failure == null ? "no matching ack" : Streams.rootMessage(failure));
            }
            return null;
        });
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
