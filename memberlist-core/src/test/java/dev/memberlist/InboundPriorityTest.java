package dev.memberlist;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.PingDelegate;
import dev.memberlist.engine.EngineSeams;
import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.sim.SimulatedScheduler;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.AckResponse;
import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.Compound;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.UserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probe traffic overtakes queued gossip and user messages (Go answers it on its packet listener and
 * queues only alive, suspect, dead and user messages): one node, encrypted, on virtual time, whose
 * probe of {@code b} is answered by an ack that arrives behind a burst of user messages.
 */
class InboundPriorityTest {

    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final InetSocketAddress SELF = new InetSocketAddress("10.0.0.1", 7946);
    private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.2", 7946);
    /** pmin 1, pmax 5, pcur 2, no delegate versions: what both implementations advertise. */
    private static final Bytes GO_VERSIONS = Bytes.copyOf(new byte[] {1, 5, 2, 0, 0, 0});

    private final SimulatedScheduler scheduler = new SimulatedScheduler();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    /** What the engine handled, in order: "ack" for a completed probe of b, "user-i" for user message i. */
    private final List<String> handled = new ArrayList<>();
    private Memberlist node;
    private PacketCodec peerCodec;

    @AfterEach
    void shutdown() {
        if (node != null) {
            node.shutdown();
        }
    }

    @Test
    void ackBehindABurstOfUserDatagramsIsHandledBeforeThem() {
        long seqNo = startAndAwaitPingOfPeer(1024);

        int burst = 200;
        IntStream.range(0, burst).forEach(i -> receive(user(i)));
        receive(MessageCodec.encode(new AckResponse(seqNo, Bytes.NIL)));
        scheduler.runFor(Duration.ofMillis(1));

        assertThat(handled).hasSize(burst + 1);
        assertThat(handled.get(0)).as("handled first, of %s", handled).isEqualTo("ack");
        assertThat(telemetry.probes(Telemetry.ProbeOutcome.DIRECT_ACK)).isEqualTo(1);
        assertThat(telemetry.droppedByReason()).isEmpty();
    }

    @Test
    void fullMessageQueueDropsUserMessagesAndStillLetsTheAckThrough() {
        int depth = 8;
        long seqNo = startAndAwaitPingOfPeer(depth);

        // Two compounds of 100 user messages each, the second with the ack as its last part, and a
        // fresh alive about the peer last: only the queue's depth of user messages is kept.
        List<byte[]> first = new ArrayList<>();
        List<byte[]> second = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> first.add(user(i)));
        IntStream.range(100, 200).forEach(i -> second.add(user(i)));
        second.add(MessageCodec.encode(new AckResponse(seqNo, Bytes.NIL)));
        receive(Compound.encode(first));
        receive(Compound.encode(second));
        receive(MessageCodec.encode(new Alive(2, "b", bytes(PEER), PEER.getPort(), Bytes.NIL, GO_VERSIONS)));
        scheduler.runFor(Duration.ofMillis(1));

        assertThat(handled.get(0)).as("handled first, of %s", handled).isEqualTo("ack");
        assertThat(handled).hasSize(1 + depth);
        assertThat(telemetry.dropped("message_queue_full")).isEqualTo(200 - depth);
        assertThat(telemetry.probes(Telemetry.ProbeOutcome.DIRECT_ACK)).isEqualTo(1);
        assertThat(node.members()).filteredOn(m -> m.name().equals("b")).singleElement()
                .satisfies(b -> assertThat(b.incarnation()).as("the alive, queued apart, is applied").isEqualTo(2));
    }

    @Test
    void queuedUserMessagesAreHandledNewestFirstOnceNoDatagramWaits() {
        startAndAwaitPingOfPeer(1024);

        IntStream.range(0, 3).forEach(i -> receive(user(i)));
        scheduler.runFor(Duration.ofMillis(1));

        assertThat(handled).containsExactly("user-2", "user-1", "user-0");
    }

    /** Starts the node knowing {@code b} and runs until it sends its first ping; returns its seqNo. */
    private long startAndAwaitPingOfPeer(int handoffQueueDepth) {
        MemberlistConfig config = MemberlistConfig.lan().name("a").secretKey(KEY)
                .handoffQueueDepth(handoffQueueDepth)
                .telemetry(telemetry)
                .delegate(new Delegate() {
                    @Override
                    public void notifyMessage(byte[] message) {
                        handled.add(new String(message, StandardCharsets.UTF_8));
                    }
                })
                .ping(new PingDelegate() {
                    @Override
                    public void notifyPingComplete(Node other, Duration rtt, byte[] payload) {
                        handled.add("ack");
                    }
                })
                .build();
        peerCodec = new PacketCodec(new CodecSettings(config.label(), config.skipInboundLabelCheck(), config.keyring(),
                config.gossipVerifyIncoming(), config.gossipVerifyOutgoing(), config.enableCompression(),
                EncryptionVersion.forProtocolVersion(config.protocolVersion())));
        NodeRecord peer = new NodeRecord("b", bytes(PEER), PEER.getPort(), Bytes.NIL, config.advertisedVersions(), 1,
                NodeState.ALIVE, NodeRecord.NEVER);
        node = Memberlist.create(config, new EngineSeams(scheduler, scheduler.forNode("a"), transport,
                new SplittableRandom(1), List.of(peer)));
        assertThat(scheduler.runUntil(() -> transport.pingToPeer(peerCodec) != null, Duration.ofSeconds(5)))
                .as("a pings b").isTrue();
        return transport.pingToPeer(peerCodec).seqNo();
    }

    private void receive(byte[] message) {
        transport.handler.onPacket(new InboundPacket(peerCodec.encode(message, true), PEER, scheduler.nanoTime()));
    }

    private static byte[] user(int index) {
        return MessageCodec.encode(new UserMessage(Bytes.copyOf(("user-" + index).getBytes(StandardCharsets.UTF_8))));
    }

    private static Bytes bytes(InetSocketAddress address) {
        return Bytes.copyOf(address.getAddress().getAddress());
    }

    /** Hands the test the node's inbound handler and keeps the datagrams it sends to the peer. */
    private static final class ScriptedTransport implements Transport {
        private final List<byte[]> toPeer = new ArrayList<>();
        private TransportHandler handler;

        Ping pingToPeer(PacketCodec codec) {
            for (byte[] datagram : toPeer) {
                for (Message message : codec.decode(datagram).messages()) {
                    if (message instanceof Ping ping) {
                        return ping;
                    }
                }
            }
            return null;
        }

        @Override
        public void start(TransportHandler handler) {
            this.handler = handler;
        }

        @Override
        public InetSocketAddress advertiseAddress() {
            return SELF;
        }

        @Override
        public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
            if (to.equals(PEER)) {
                toPeer.add(packet);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
            return CompletableFuture.failedFuture(new IllegalStateException("no streams in this test"));
        }

        @Override
        public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
            return CompletableFuture.failedFuture(new IllegalStateException("no streams in this test"));
        }

        @Override
        public void close() {
        }
    }
}
