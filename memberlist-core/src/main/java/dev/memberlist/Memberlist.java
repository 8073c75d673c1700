package dev.memberlist;

import dev.memberlist.engine.Engine;
import dev.memberlist.engine.EngineSeams;
import dev.memberlist.engine.PendingFutures;
import dev.memberlist.internal.DropSummaryLog;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.SeedAddress;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.transport.netty.NettyTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cluster member: the public face of memberlist. Create one with {@link #create(MemberlistConfig)},
 * {@link #join} a cluster through seeds, read {@link #members()}, send messages, {@link #leave} and
 * {@link #close()}.
 *
 * <p>Thread-safe. Readers ({@link #members()}, {@link #localNode()}, {@link #healthScore()}) never
 * block and see each node consistently (though not every node at one instant). User messages
 * ({@link #sendBestEffort}, {@link #sendToAddress}, {@link #sendReliable}) are encoded and handed to the
 * transport on the calling thread, never queued ahead of the protocol's work (best-effort ones
 * bounded). Other commands run on the
 * node's engine thread and return futures; with the default runtime those futures complete on the
 * common fork-join pool, so a slow callback never stalls the protocol. Delegates, by contrast, are
 * called on the engine thread and must not block.
 */
public final class Memberlist implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Memberlist.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #start()} waits for the warm-up; an advertised address behind NAT may never answer. */
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(1);
    private static final Duration DROP_LOG_INTERVAL = Duration.ofSeconds(10);

    private final MemberlistConfig config;
    private final Executor completions;
    private final Supplier<? extends Transport> restartTransports;
    private volatile Run run;
    private volatile boolean started;
    private volatile boolean shutdown;

    private Memberlist(MemberlistConfig config, Run run, Executor completions,
                       Supplier<? extends Transport> restartTransports) {
        this.config = config;
        this.run = run;
        this.completions = completions;
        this.restartTransports = restartTransports;
    }

    /**
     * One run of the node, from start to shutdown: its engine, with all protocol state, the seams it
     * runs on, and the futures it handed out (failed at its shutdown). A restart gets a new one.
     */
    private record Run(EngineSeams seams, Engine engine, AutoCloseable ownedScheduler, AtomicInteger pendingPackets,
                       PendingFutures results) {

        static Run of(MemberlistConfig config, EngineSeams seams, AutoCloseable ownedScheduler) {
            return new Run(seams, new Engine(config, seams), ownedScheduler, new AtomicInteger(), new PendingFutures());
        }

        static Run onOwnThread(MemberlistConfig config, Transport transport) {
            ExecutorScheduler scheduler = new ExecutorScheduler(config.name());
            return of(config, new EngineSeams(SystemClock.INSTANCE, scheduler, transport, new SplittableRandom()), scheduler);
        }
    }

    /**
     * Starts a node on the Netty transport, bound as configured, and announces it. Blocks until the
     * node is listening.
     *
     * @param config the configuration
     * @return the running node
     * @throws MemberlistException when the address cannot be bound
     */
    public static Memberlist create(MemberlistConfig config) {
        return create(config, new NettyTransport(config));
    }

    /**
     * Starts a node on a transport of your own. Blocks until the node is announced.
     *
     * @param config the configuration
     * @param transport the transport; the node closes it on shutdown
     * @return the running node
     * @throws MemberlistException when the transport cannot start
     */
    public static Memberlist create(MemberlistConfig config, Transport transport) {
        Memberlist memberlist = prepare(config, transport);
        memberlist.start();
        return memberlist;
    }

    /**
     * Prepares a node on a transport without starting it, for containers that start components in a
     * phase of their own (the Spring Boot starter starts it once the application context is
     * refreshed). Nothing is bound and no thread runs until {@link #start()}; until then readers see
     * no members and commands fail.
     *
     * @param config the configuration
     * @param transport the transport; the node closes it on shutdown
     * @return the node, not started
     */
    public static Memberlist prepare(MemberlistConfig config, Transport transport) {
        return new Memberlist(config, Run.onOwnThread(config, transport), ForkJoinPool.commonPool(), null);
    }

    /**
     * Prepares a node that can be started again after {@link #shutdown()}, for containers that stop
     * and restart their components (a Spring context's {@code stop()} and {@code start()}, or a
     * checkpoint and restore): each start after a shutdown starts a new node under the same name,
     * with fresh protocol state, a new engine thread and a new transport from {@code transports}.
     * The cluster sees it rejoin when it joins again; it refutes what the others remember about
     * its previous run with a higher incarnation, as a restarted Go node does.
     *
     * @param config the configuration
     * @param transports makes the transport of each run, called now and on every restart; the
     *     node closes each one on shutdown
     * @return the node, not started
     */
    public static Memberlist prepareRestartable(MemberlistConfig config, Supplier<? extends Transport> transports) {
        Objects.requireNonNull(transports, "transports");
        return new Memberlist(config, Run.onOwnThread(config, transports.get()), ForkJoinPool.commonPool(), transports);
    }

    /**
     * Starts a node on the given seams, without blocking: for simulations, which drive the
     * scheduler themselves. Futures complete on the scheduler's thread.
     *
     * @param config the configuration
     * @param seams time, scheduling, network and randomness
     * @return the node; it is announced once the scheduler runs
     */
    public static Memberlist create(MemberlistConfig config, EngineSeams seams) {
        Memberlist memberlist = new Memberlist(config, Run.of(config, seams, null), Runnable::run, null);
        memberlist.started = true;
        memberlist.startAsync();
        return memberlist;
    }

    /**
     * Starts a {@link #prepare prepared} node: starts the transport and announces the node, blocking
     * until it is listening. Then it warms the node up, waiting up to a second: the codecs, the cipher
     * and the TCP paths run once, with a TCP ping to the node's own advertised address, so that the
     * first push/pull of a join is as fast as later ones; then 250 UDP pings to itself, one after
     * another, get the probe path compiled (they carry no gossip and go on in the background past
     * the second). Does nothing when the node runs. After
     * {@link #shutdown()}, starts a new node if it was {@link #prepareRestartable prepared as restartable}.
     *
     * @throws MemberlistException when the node was shut down and cannot restart, or the transport
     *     cannot start (the node is shut down then)
     */
    public synchronized void start() {
        if (started && !shutdown) {
            return;
        }
        if (shutdown) {
            if (restartTransports == null) {
                throw new MemberlistException("memberlist node " + config.name() + " is shut down");
            }
            run = Run.onOwnThread(config, restartTransports.get());
            shutdown = false;
        }
        started = true;
        try {
            startAsync().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw failedStart(e);
        }
        try {
            onEngine(Engine::warmUp).get(WARM_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("The warm-up of {} goes on after start: {}", config.name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.debug("The warm-up of {} failed", config.name(), e);
        }
    }

    private MemberlistException failedStart(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        close();
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new MemberlistException("failed to start memberlist node " + config.name() + ": "
                + cause.getMessage(), cause);
    }

    private CompletableFuture<Void> startAsync() {
        Run current = run;
        current.seams().transport().start(new Handoff(current));
        return onEngine(engine -> {
            engine.start();
            return CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Joins a cluster: resolves every seed (a host name stands for all its addresses) and exchanges
     * state with each address over TCP (Go's {@code Join}).
     *
     * @param seeds {@code host}, {@code host:port}, {@code ip:port} or {@code [v6]:port}, each optionally
     *     prefixed with {@code name/} as in Go; the default port is this node's bind port, as in Go
     * @return how many addresses were reached; fails when none was, naming each cause
     */
    public CompletableFuture<Integer> join(Collection<String> seeds) {
        if (shutdown || !started) {
            return notRunning();
        }
        List<String> copy;
        try {
            copy = config.requireNodeNames() ? namedSeeds(List.copyOf(seeds)) : List.copyOf(seeds);
        } catch (MemberlistException e) {
            return CompletableFuture.failedFuture(e);
        }
        int defaultPort = run.engine().bindPort();
        List<CompletableFuture<List<InetSocketAddress>>> lookups = new ArrayList<>();
        for (String seed : copy) {
            lookups.add(config.addressResolver().resolve(seed, defaultPort).toCompletableFuture()
                    .exceptionally(failure -> {
                        log.warn("Failed to resolve seed {}: {}", seed, failure.getMessage());
                        return List.of();
                    }));
        }
        return run.results().track(CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> {
                    List<InetSocketAddress> addresses = new ArrayList<>();
                    lookups.forEach(lookup -> addresses.addAll(lookup.join()));
                    if (addresses.isEmpty()) {
                        return CompletableFuture.failedFuture(new MemberlistException("no seed of " + copy + " resolved"));
                    }
                    return onEngine(engine -> engine.join(addresses));
                }));
    }

    /**
     * Under {@code RequireNodeNames} Go refuses to push/pull with a seed that names no node
     * ({@code name/host:port}): the named seeds are joined, the others only reported.
     *
     * @throws MemberlistException when no seed names a node
     */
    private List<String> namedSeeds(List<String> seeds) {
        List<String> named = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String seed : seeds) {
            boolean hasName;
            try {
                hasName = SeedAddress.nodeName(seed).isPresent();
            } catch (IllegalArgumentException e) {
                hasName = false;
            }
            if (hasName) {
                named.add(seed);
            } else {
                log.warn("Not joining {}: {}", seed, Engine.NODE_NAMES_REQUIRED);
                refused.add(seed + ": " + Engine.NODE_NAMES_REQUIRED);
            }
        }
        if (named.isEmpty()) {
            throw new MemberlistException("failed to join any seed: " + String.join("; ", refused));
        }
        return named;
    }

    /** @return the members: every known node that is alive or suspect, this one included */
    public List<Node> members() {
        List<Node> members = new ArrayList<>();
        for (NodeRecord record : run.engine().records()) {
            if (!record.isDeadOrLeft()) {
                members.add(record.toNode());
            }
        }
        return members;
    }

    /** @return every known node in any state, dead and left ones included until they are forgotten */
    public List<Node> allNodes() {
        List<Node> nodes = new ArrayList<>();
        for (NodeRecord record : run.engine().records()) {
            nodes.add(record.toNode());
        }
        return nodes;
    }

    /** @return how many members there are (alive or suspect, this node included) */
    public int numMembers() {
        int count = 0;
        for (NodeRecord record : run.engine().records()) {
            if (!record.isDeadOrLeft()) {
                count++;
            }
        }
        return count;
    }

    /** @return this node as the cluster sees it */
    public Node localNode() {
        for (NodeRecord record : run.engine().records()) {
            if (record.name().equals(config.name())) {
                return record.toNode();
            }
        }
        throw new MemberlistException("memberlist node " + config.name() + " is not started");
    }

    /** @return Lifeguard's local health score: 0 is healthy, higher means this node is probably slow */
    public int healthScore() {
        return run.engine().healthScore();
    }

    /** @return the configuration this node runs with */
    public MemberlistConfig config() {
        return config;
    }

    /** @return whether {@link #leave} was called */
    public boolean hasLeft() {
        return run.engine().hasLeft();
    }

    /** @return whether the node was started (and possibly shut down since) */
    public boolean isStarted() {
        return started;
    }

    /** @return whether {@link #shutdown} or {@link #close} was called */
    public boolean isShutdown() {
        return shutdown;
    }

    /**
     * Leaves the cluster gracefully: announces it and waits until the announcement has spread, at
     * most {@code timeout}. The node keeps answering until {@link #shutdown()}.
     *
     * @param timeout the longest wait; zero waits until done
     * @return completes when the leave has spread; fails on timeout
     */
    public CompletableFuture<Void> leave(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return onEngine(engine -> engine.leave(timeout));
    }

    /**
     * Re-reads this node's metadata from the {@code Delegate} and announces it.
     *
     * @param timeout the longest wait for the update to spread; zero waits until done
     * @return completes when the update has spread; fails on timeout
     */
    public CompletableFuture<Void> updateNode(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return onEngine(engine -> engine.updateNode(timeout));
    }

    /**
     * Sends a user message to a node over UDP, without delivery guarantee. The message is encoded
     * and handed to the transport on the calling thread, never queued for the engine, so a flood of
     * them cannot hold up probes; when too many already wait to be written it is dropped instead
     * (counted as {@link Telemetry#outputDropped(String) outputDropped("user_send_queue_full")}).
     * Safe from any thread.
     *
     * @param node the destination node's name
     * @param message the bytes (copied before this returns)
     * @return completes when handed to the network; fails for an unknown node, or with
     *     {@link UserSendQueueFullException} when dropped
     */
    public CompletableFuture<Void> sendBestEffort(String node, byte[] message) {
        if (shutdown || !started) {
            return notRunning();
        }
        return run.results().track(completeOffTransport(run.engine().userMessages().sendBestEffort(node, message)));
    }

    /**
     * Sends a user message to a node over a TCP stream of its own. The message is encoded and the
     * stream opened on the calling thread, never queued for the engine. Safe from any thread.
     *
     * @param node the destination node's name
     * @param message the bytes (copied before this returns)
     * @return completes once written to the connection; fails for an unknown node or a failed stream
     */
    public CompletableFuture<Void> sendReliable(String node, byte[] message) {
        if (shutdown || !started) {
            return notRunning();
        }
        return run.results().track(completeOffTransport(run.engine().userMessages().sendReliable(node, message)));
    }

    /**
     * Sends a user message over UDP to an address that need not be a member, on the calling thread
     * and bounded as {@link #sendBestEffort} is. Safe from any thread.
     *
     * @param address the destination
     * @param message the bytes (copied before this returns)
     * @return completes when handed to the network; fails with {@link UserSendQueueFullException}
     *     when dropped
     */
    public CompletableFuture<Void> sendToAddress(InetSocketAddress address, byte[] message) {
        if (shutdown || !started) {
            return notRunning();
        }
        return run.results().track(completeOffTransport(run.engine().userMessages().sendToAddress(address, message)));
    }

    /**
     * Pings a node once over UDP.
     *
     * @param node the node's name (the receiver checks it)
     * @param address where to send
     * @return the round-trip time; fails with {@link NoPingResponseException} after {@code probeTimeout}
     */
    public CompletableFuture<Duration> ping(String node, InetSocketAddress address) {
        return onEngine(engine -> engine.ping(node, address));
    }

    /**
     * Stops the node without leaving: timers stop and the transport closes, so other nodes will
     * detect it as failed. Every future a command returned and that is still pending (a ping, a
     * join, a leave or update waiting for its broadcast, a send) fails with a
     * {@link MemberlistException} saying the node is shut down. Idempotent.
     */
    public synchronized void shutdown() {
        if (shutdown) {
            return;
        }
        shutdown = true;
        Run current = run;
        current.seams().scheduler().execute(current.engine()::shutdown);
        current.seams().transport().close();
        if (current.ownedScheduler() != null) {
            try {
                current.ownedScheduler().close();
            } catch (Exception e) {
                log.warn("Failed to stop the engine thread", e);
            }
        }
        current.results().failAll(() -> new MemberlistException("memberlist node " + config.name() + " is shut down"));
    }

    /** Same as {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    private <T> CompletableFuture<T> onEngine(Function<Engine, CompletableFuture<T>> command) {
        if (shutdown || !started) {
            return notRunning();
        }
        Run current = run;
        CompletableFuture<T> result = current.results().track(new CompletableFuture<>());
        current.seams().scheduler().execute(() -> {
            try {
                relay(command.apply(current.engine()), result);
            } catch (RuntimeException e) {
                completions.execute(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    /**
     * A send refused at once completes on the caller's thread; one that waited for an I/O thread
     * completes on {@link #completions}, so the application's callbacks never run on the transport.
     */
    private CompletableFuture<Void> completeOffTransport(CompletionStage<Void> sent) {
        CompletableFuture<Void> future = sent.toCompletableFuture();
        if (future.isDone()) {
            return future;
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        relay(future, result);
        return result;
    }

    private <T> void relay(CompletionStage<T> source, CompletableFuture<T> result) {
        source.whenComplete((value, failure) -> completions.execute(() -> {
            if (failure != null) {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                result.complete(value);
            }
        }));
    }

    private <T> CompletableFuture<T> notRunning() {
        return CompletableFuture.failedFuture(new MemberlistException("memberlist node " + config.name()
                + (shutdown ? " is shut down" : " is not started")));
    }

    /**
     * Hands inbound traffic to the engine thread, dropping datagrams when too many wait (each one
     * counted, logged as one summary line per interval). Each datagram's task lets the engine apply
     * queued gossip only once no other datagram waits, so probe traffic goes first.
     */
    private final class Handoff implements TransportHandler {

        private final Run target;
        private final AtomicInteger pendingPackets;
        private final BooleanSupplier datagramWaiting;
        private final DropSummaryLog handoffDrops;

        Handoff(Run target) {
            this.target = target;
            this.pendingPackets = target.pendingPackets();
            this.datagramWaiting = () -> pendingPackets.get() > 0;
            this.handoffDrops = new DropSummaryLog(log, "inbound datagrams of " + config.name() + ": "
                    + config.handoffQueueDepth() + " already waited for the engine (handoffQueueDepth)",
                    DROP_LOG_INTERVAL, target.seams().clock()::nanoTime);
        }

        @Override
        public void onPacket(InboundPacket packet) {
            if (pendingPackets.incrementAndGet() > config.handoffQueueDepth()) {
                pendingPackets.decrementAndGet();
                config.telemetry().inputDropped("handoff_queue_full");
                handoffDrops.dropped();
                return;
            }
            target.seams().scheduler().execute(() -> {
                pendingPackets.decrementAndGet();
                target.engine().handlePacket(packet);
                target.engine().handleQueuedMessages(datagramWaiting);
            });
        }

        @Override
        public void onStream(InboundStream stream) {
            target.seams().scheduler().execute(() -> target.engine().handleStream(stream));
        }
    }
}
