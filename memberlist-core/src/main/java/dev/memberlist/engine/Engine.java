package dev.memberlist.engine;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.NodeState;
import dev.memberlist.NoPingResponseException;
import dev.memberlist.state.Awareness;
import dev.memberlist.state.Membership;
import dev.memberlist.state.MembershipSettings;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.state.NodeTable;
import dev.memberlist.gossip.TransmitLimitedQueue;
import dev.memberlist.internal.ClusterMath;
import dev.memberlist.probe.AckHandler;
import dev.memberlist.probe.AckTracker;
import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.SeedAddress;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.StreamCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The protocol engine of one node: it owns all protocol state and wires failure detection,
 * membership rules, gossip and anti-entropy together. It owns no thread; every method except the
 * readers must be called on the engine thread (the {@link EngineSeams#scheduler()}), and nothing in
 * it blocks. Commands return futures completed on the engine thread.
 *
 * <p>The readers {@link #records()}, {@link #healthScore()}, {@link #localName()} and
 * {@link #userMessages()} (which sends user messages on the caller's thread, never through the
 * engine's queue) are safe from any thread.
 */
public final class Engine {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    /** Go's {@code errNodeNamesAreRequired}: sending to an address without a node name under {@code RequireNodeNames}. */
    public static final String NODE_NAMES_REQUIRED = "node names are required by configuration but one was not provided";

    private final MemberlistConfig config;
    private final EngineSeams seams;
    private final NodeTable table;
    private final Awareness awareness;
    private final TransmitLimitedQueue queue;
    private final AckTracker acks;
    private final Membership membership;
    private final Outbound outbound;
    private final InboundPackets inboundPackets;
    private final Streams streams;
    private final Probing probing;
    private final Reconnector reconnector;
    private final WarmUp warmUp;
    private final UserMessageSender userMessages;
    private final GossipRounds gossip;
    private final List<Cancellable> timers = new ArrayList<>();
    private final PendingFutures pending = new PendingFutures();
    private volatile int healthScore;
    private boolean started;
    private boolean shutdown;

    /**
     * @param config the node's configuration
     * @param seams time, scheduling, network and randomness
     */
    public Engine(MemberlistConfig config, EngineSeams seams) {
        this.config = config;
        this.seams = seams;
        this.table = seams.knownNodes().isEmpty() ? new NodeTable() : new NodeTable(seams.knownNodes().size() + 1);
        this.awareness = new Awareness(config.awarenessMaxMultiplier(), score -> {
            healthScore = score;
            config.telemetry().healthScoreChanged(score);
        });
        this.queue = new TransmitLimitedQueue(config.retransmitMult(), table::size);
        this.acks = new AckTracker(seams.scheduler());
        this.reconnector = new Reconnector(config.reconnectTimeout().toNanos());
        CodecSettings codecSettings = new CodecSettings(config.label(), config.skipInboundLabelCheck(), config.keyring(),
                config.gossipVerifyIncoming(), config.gossipVerifyOutgoing(), config.enableCompression(),
                EncryptionVersion.forProtocolVersion(config.protocolVersion()));
        PacketCodec packetCodec = new PacketCodec(codecSettings);
        this.outbound = new Outbound(config, seams.transport(), packetCodec, queue, config.delegates());
        this.gossip = new GossipRounds(config, seams, table, outbound);
        EngineListener listener = new EngineListener(config, queue, awareness, reconnector, seams.clock(),
                gossip::newsQueued);
        this.membership = new Membership(new MembershipSettings(config.name(), config.suspicionMult(),
                config.suspicionMaxTimeoutMult(), config.probeInterval().toNanos(),
                config.deadNodeReclaimTime().toNanos()), table, seams.clock(), seams.scheduler(), seams.random(), listener);
        this.inboundPackets = new InboundPackets(config, seams.scheduler(), packetCodec, membership, acks, outbound, listener,
                this::bindPort);
        StreamCodec streamCodec = new StreamCodec(codecSettings);
        this.streams = new Streams(config, seams, streamCodec, table, membership, this::bindPort);
        this.warmUp = new WarmUp(config.name(), packetCodec, streamCodec, streams, acks, outbound);
        this.userMessages = new UserMessageSender(config, table, packetCodec, streamCodec, seams.transport());
        this.probing = new Probing(config, seams, table, membership, acks, outbound, streams, awareness);
    }

    /**
     * Takes in the {@linkplain EngineSeams#knownNodes() known nodes}, announces the local node and
     * starts probing, gossip and push/pull (Go's {@code setAlive} and {@code schedule}).
     */
    public void start() {
        started = true;
        for (NodeRecord known : seams.knownNodes()) {
            if (!known.name().equals(config.name()) && table.get(known.name()).isEmpty()) {
                table.insert(known, seams.random());
            }
        }
        InetSocketAddress advertise = seams.transport().advertiseAddress();
        byte[] meta = localMeta();
        membership.announceLocal(Addresses.bytes(advertise.getAddress()), advertise.getPort(),
                meta.length == 0 ? Bytes.NIL : Bytes.copyOf(meta), config.advertisedVersions(), null);
        if (!config.probeInterval().isZero()) {
            timers.add(Periodic.start(seams.scheduler(), stagger(config.probeInterval()), config::probeInterval,
                    probing::tick));
        }
        if (gossip.enabled()) {
            timers.add(Periodic.start(seams.scheduler(), stagger(config.gossipInterval()), config::gossipInterval,
                    gossip::round));
        }
        if (!config.pushPullInterval().isZero()) {
            Supplier<Duration> pushPullPeriod = () -> Duration.ofNanos(
                    ClusterMath.pushPullScaleNanos(config.pushPullInterval().toNanos(), table.size()));
            // Go staggers the first exchange over the unscaled interval, which is the scaled one for
            // an engine that starts alone; an engine started with known nodes spreads it over its
            // cluster's period, as the nodes of a running cluster are spread.
            timers.add(Periodic.start(seams.scheduler(), stagger(pushPullPeriod.get()), pushPullPeriod,
                    this::periodicPushPull));
        }
        if (!config.reconnectInterval().isZero()) {
            timers.add(Periodic.start(seams.scheduler(), stagger(config.reconnectInterval()), config::reconnectInterval,
                    this::reconnect));
        }
        timers.add(Periodic.start(seams.scheduler(), config.queueCheckInterval(), config::queueCheckInterval,
                () -> config.telemetry().broadcastQueueDepth(queue.size())));
    }

    /**
     * Runs the codecs, the cipher and the TCP client and server once, with a TCP ping to this node's
     * own advertised address, so that the first push/pull of a join does not pay for loading them,
     * then pings itself over UDP often enough to have the probe path compiled (see {@link WarmUp}).
     * Nothing reaches the membership or a delegate. Call after {@link #start()}.
     *
     * @return completes, never exceptionally, once the ping is answered, failed or skipped
     */
    public CompletableFuture<Void> warmUp() {
        if (!started || shutdown) {
            return CompletableFuture.completedFuture(null);
        }
        return warmUp.run(membership.local(), seams.transport().advertiseAddress(), config.tcpTimeout(),
                config.probeTimeout());
    }

    /**
     * Decodes a datagram and handles its probe traffic (ping, indirect ping, ack, nack) at once; its
     * gossip and user messages wait for {@link #handleQueuedMessages}.
     *
     * @param packet an inbound datagram
     */
    public void handlePacket(InboundPacket packet) {
        // Traffic can reach the engine thread before start() has announced the local node.
        if (started && !shutdown) {
            inboundPackets.handle(packet);
        }
    }

    /**
     * Handles the gossip and user messages that datagrams left queued, alive first and newest first,
     * while no datagram waits (so probe answers are never held up behind them). The task that hands
     * over each datagram calls this after {@link #handlePacket}.
     *
     * @param datagramWaiting whether another datagram waits for {@link #handlePacket}
     */
    public void handleQueuedMessages(BooleanSupplier datagramWaiting) {
        if (started && !shutdown) {
            inboundPackets.handleQueued(datagramWaiting);
        }
    }

    /**
     * @param stream an inbound stream with its request complete
     */
    public void handleStream(InboundStream stream) {
        if (!started || shutdown) {
            stream.close();
        } else {
            streams.handle(stream);
        }
    }

    /**
     * Joins a cluster through push/pull with every address (Go's {@code Join}).
     *
     * @param addresses the resolved seed addresses
     * @return how many push/pulls succeeded; fails when none did, naming each address with the root
     *     cause of its failure (and keeping every failure suppressed in the exception)
     */
    public CompletableFuture<Integer> join(List<InetSocketAddress> addresses) {
        if (shutdown) {
            return shutDown();
        }
        CompletableFuture<Integer> result = pending.track(new CompletableFuture<>());
        if (addresses.isEmpty()) {
            result.completeExceptionally(new MemberlistException("no seed addresses to join"));
            return result;
        }
        AtomicInteger remaining = new AtomicInteger(addresses.size());
        AtomicInteger succeeded = new AtomicInteger();
        Throwable[] failures = new Throwable[addresses.size()];
        for (int i = 0; i < addresses.size(); i++) {
            int index = i;
            InetSocketAddress address = addresses.get(i);
            streams.pushPull(address, true).whenComplete((ignored, failure) -> {
                if (failure == null) {
                    succeeded.incrementAndGet();
                } else {
                    log.debug("Failed to join {}: {}", address, failure.getMessage());
                    failures[index] = failure;
                }
                if (remaining.decrementAndGet() == 0) {
                    if (succeeded.get() > 0) {
                        result.complete(succeeded.get());
                    } else {
                        result.completeExceptionally(joinFailure(addresses, failures));
                    }
                }
            });
        }
        return result;
    }

    /** Go reports every seed's error; so do we, by root cause, so a wrong key or a refused port is plain. */
    private static MemberlistException joinFailure(List<InetSocketAddress> addresses, Throwable[] failures) {
        StringBuilder message = new StringBuilder("failed to join any seed");
        for (int i = 0; i < addresses.size(); i++) {
            message.append(i == 0 ? ": " : "; ").append(SeedAddress.format(addresses.get(i))).append(": ")
                    .append(Streams.rootMessage(failures[i]));
        }
        MemberlistException exception = new MemberlistException(message.toString());
        for (Throwable failure : failures) {
            exception.addSuppressed(failure);
        }
        return exception;
    }

    /**
     * Leaves gracefully: announces the departure and waits until it has been gossiped enough, at
     * most {@code timeout} (Go's {@code Leave}). The node keeps running until shut down.
     *
     * @param timeout the longest wait; zero waits forever
     * @return completes when the leave has spread; fails on timeout
     */
    public CompletableFuture<Void> leave(Duration timeout) {
        if (shutdown) {
            return shutDown();
        }
        CompletableFuture<Void> done = pending.track(new CompletableFuture<>());
        if (membership.hasLeft()) {
            done.complete(null);
            return done;
        }
        membership.leave(completeAfterThisTask(done));
        return awaitBroadcast(done, timeout, "leave");
    }

    /**
     * Re-reads the metadata from the delegate and announces it with a new incarnation (Go's {@code UpdateNode}).
     *
     * @param timeout the longest wait for the announcement to spread; zero waits forever
     * @return completes when the update has spread; fails on timeout, oversized metadata, or after a leave
     */
    public CompletableFuture<Void> updateNode(Duration timeout) {
        if (shutdown) {
            return shutDown();
        }
        if (membership.hasLeft()) {
            // A node that left announces nothing more, so the update's broadcast would never finish.
            return CompletableFuture.failedFuture(new MemberlistException("memberlist node " + config.name()
                    + " has left; its metadata is no longer announced"));
        }
        byte[] meta = localMeta();
        if (meta.length > MemberlistConfig.META_MAX_SIZE) {
            return CompletableFuture.failedFuture(new MemberlistException("node metadata is " + meta.length
                    + " bytes, more than the limit of " + MemberlistConfig.META_MAX_SIZE));
        }
        NodeRecord self = membership.local();
        CompletableFuture<Void> done = pending.track(new CompletableFuture<>());
        membership.announceLocal(self.addr(), self.port(), meta.length == 0 ? Bytes.NIL : Bytes.copyOf(meta),
                config.advertisedVersions(), completeAfterThisTask(done));
        return awaitBroadcast(done, timeout, "update");
    }

    /**
     * Pings a node once over UDP and measures the round trip (Go's {@code Ping}).
     *
     * @param node the node's name, checked by the receiver
     * @param address where to send the ping
     * @return the round-trip time; fails with {@link NoPingResponseException} after {@code ProbeTimeout}
     */
    public CompletableFuture<Duration> ping(String node, InetSocketAddress address) {
        if (shutdown) {
            return shutDown();
        }
        if (node.isEmpty() && config.requireNodeNames()) {
            return CompletableFuture.failedFuture(new MemberlistException(NODE_NAMES_REQUIRED));
        }
        NodeRecord self = membership.local();
        long seqNo = acks.nextSeqNo();
        CompletableFuture<Duration> result = pending.track(new CompletableFuture<>());
        long[] sentNanos = {seams.clock().nanoTime()};
        acks.expect(seqNo, config.probeTimeout(), new AckHandler() {
            @Override
            public void onAck(Bytes payload, long receivedAtNanos) {
                result.complete(Duration.ofNanos(Math.max(0, receivedAtNanos - sentNanos[0])));
            }

            @Override
            public void onExpired() {
                result.completeExceptionally(new NoPingResponseException(node));
            }
        });
        Ping ping = new Ping(seqNo, node, self.addr(), self.port(), self.name());
        outbound.sendWithPiggyback(address, MessageCodec.encode(ping));
        return result;
    }

    /**
     * Stops every timer and forgets pending work (Go's {@code Shutdown}); sends nothing. Every
     * future a command returned and that is still pending (a ping, a join, a leave or update
     * waiting for its broadcast) fails with a {@link MemberlistException}. Idempotent.
     */
    public void shutdown() {
        if (shutdown) {
            return;
        }
        shutdown = true;
        gossip.stop();
        timers.forEach(Cancellable::cancel);
        timers.clear();
        acks.clear();
        inboundPackets.clear();
        membership.cancelAllSuspicions();
        pending.failAll(this::shutDownException);
    }

    /** @return every known node, including dead and left ones not yet reaped; safe from any thread */
    public Collection<NodeRecord> records() {
        return table.records();
    }

    /** @return Lifeguard's local health score, 0 when healthy; safe from any thread */
    public int healthScore() {
        return healthScore;
    }

    /** @return the sender of user messages, which runs on the caller's thread; safe from any thread */
    public UserMessageSender userMessages() {
        return userMessages;
    }

    /** @return the local node's name */
    public String localName() {
        return config.name();
    }

    /**
     * The port Go calls {@code BindPort}: the configured one, or, when the node was bound to any
     * free port, the one it got (which it then advertises, as Go does). Seeds without a port and
     * messages without one (protocol 1, or port 0) use it.
     *
     * @return the bind port; safe from any thread once the transport has started
     */
    public int bindPort() {
        return config.bindPort() != 0 ? config.bindPort() : seams.transport().advertiseAddress().getPort();
    }

    /** @return whether {@link #leave} was called */
    public boolean hasLeft() {
        return membership.hasLeft();
    }

    private void periodicPushPull() {
        List<NodeRecord> peers = table.randomNodes(1,
                r -> r.name().equals(config.name()) || r.state() != NodeState.ALIVE, seams.random());
        if (peers.isEmpty()) {
            return;
        }
        NodeRecord peer = peers.get(0);
        streams.pushPull(Addresses.of(peer), false).whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("Push/pull with {} failed: {}", peer.name(), failure.getMessage());
            }
        });
    }

    /**
     * Retries one dead node's address as a join, so that both sides' {@code MergeDelegate}s decide:
     * the address may belong to another cluster's node by now.
     */
    private void reconnect() {
        reconnector.pick(seams.clock().nanoTime(), seams.random()).ifPresent(address ->
                streams.pushPull(address, true).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.debug("Reconnect push/pull with {} failed: {}", address, failure.getMessage());
                    }
                }));
    }

    /**
     * A broadcast finishes while the packet with its last transmission is still being built, so
     * completing at once would let a caller shut the transport down before that packet is sent.
     */
    private Runnable completeAfterThisTask(CompletableFuture<Void> done) {
        return () -> seams.scheduler().execute(() -> done.complete(null));
    }

    private CompletableFuture<Void> awaitBroadcast(CompletableFuture<Void> done, Duration timeout, String what) {
        if (!membership.anyOtherMember()) {
            done.complete(null);
            return done;
        }
        if (!timeout.isZero()) {
            Cancellable timer = seams.scheduler().schedule(timeout, () -> done.completeExceptionally(
                    new MemberlistException("timed out after " + timeout + " waiting for the " + what
                            + " broadcast to spread", new TimeoutException())));
            done.whenComplete((ignored, failure) -> timer.cancel());
        }
        return done;
    }

    private <T> CompletableFuture<T> shutDown() {
        return CompletableFuture.failedFuture(shutDownException());
    }

    private MemberlistException shutDownException() {
        return new MemberlistException("memberlist node " + config.name() + " is shut down");
    }

    private byte[] localMeta() {
        return SafeCalls.get("Delegate.nodeMeta", () -> config.delegates().nodeMeta(MemberlistConfig.META_MAX_SIZE),
                new byte[0]);
    }

    private Duration stagger(Duration interval) {
        return Duration.ofNanos(seams.random().nextLong(Math.max(1, interval.toNanos())));
    }
}
