package dev.memberlist.sim;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.engine.Cancellable;
import dev.memberlist.engine.EngineSeams;
import dev.memberlist.state.NodeRecord;
import dev.memberlist.wire.Bytes;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * N memberlist nodes on one virtual clock and one simulated network, started from a seed: the same
 * seed replays the same run exactly. Scenarios read like scripts: {@code cluster.isolate("n3");
 * cluster.runFor(...)}, then assertions on what each node sees. Not thread-safe.
 */
public final class SimCluster {

    private final long seed;
    private final SimulatedScheduler scheduler = new SimulatedScheduler();
    private final SimulatedNetwork network;
    private final SimEvents events;
    private final SplittableRandom seeds;
    private final Supplier<MemberlistConfig.Builder> preset;
    private final UnaryOperator<MemberlistConfig.Builder> configurer;
    private final Map<String, UnaryOperator<MemberlistConfig.Builder>> nodeConfigurers;
    private final Function<String, Delegate> delegates;
    private final Function<String, EventDelegate> eventDelegates;
    private final Function<String, Telemetry> telemetry;
    private final CostModel costModel;
    private final Map<String, CostModel> nodeCostModels;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final IncarnationInvariant invariant;
    private final List<NodeRecord> startingKnowledge;

    private SimCluster(Builder builder) {
        this.seed = builder.seed;
        this.network = new SimulatedNetwork(scheduler, builder.seed);
        this.events = new SimEvents(scheduler);
        this.seeds = new SplittableRandom(builder.seed ^ 0x5DEECE66DL);
        this.preset = builder.preset;
        this.configurer = builder.configurer;
        this.nodeConfigurers = Map.copyOf(builder.nodeConfigurers);
        this.delegates = builder.delegates;
        this.eventDelegates = builder.eventDelegates == null ? events::eventDelegate : builder.eventDelegates;
        this.telemetry = builder.telemetry == null ? events::telemetry : builder.telemetry;
        this.costModel = builder.costModel;
        this.nodeCostModels = Map.copyOf(builder.nodeCostModels);
        this.invariant = new IncarnationInvariant(name -> {
            Member member = members.get(name);
            return member == null ? null : member.memberlist;
        }, seed);
        if (builder.checkInvariants) {
            scheduler.afterEachTask(invariant::check);
        }
        this.startingKnowledge = builder.converged ? everyNodeAlive(builder.nodes) : List.of();
        for (int i = 0; i < builder.nodes; i++) {
            start("n" + i, i);
        }
    }

    /** One shared, immutable record per initial node, as every node holds it after a finished join. */
    private List<NodeRecord> everyNodeAlive(int count) {
        ProtocolVersions versions = configurer.apply(preset.get()).name("n0").build().advertisedVersions();
        List<NodeRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InetSocketAddress address = SimulatedNetwork.address(i);
            records.add(new NodeRecord(("n" + i).intern(), Bytes.copyOf(address.getAddress().getAddress()),
                    address.getPort(), Bytes.NIL, versions, 1, NodeState.ALIVE, NodeRecord.NEVER));
        }
        return List.copyOf(records);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the seed this run replays from */
    public long seed() {
        return seed;
    }

    /** @return the virtual clock */
    public SimulatedScheduler scheduler() {
        return scheduler;
    }

    /** @return the network */
    public SimulatedNetwork network() {
        return network;
    }

    /** @return everything every node observed */
    public SimEvents events() {
        return events;
    }

    /** @return the names of every node started, running or not */
    public List<String> names() {
        return List.copyOf(members.keySet());
    }

    /** @return the names of nodes not crashed or shut down */
    public List<String> running() {
        return members.values().stream().filter(m -> !m.memberlist.isShutdown()).map(m -> m.name).toList();
    }

    /**
     * @param name a node name
     * @return its memberlist
     */
    public Memberlist node(String name) {
        Member member = members.get(name);
        if (member == null) {
            throw new IllegalArgumentException("no node " + name + " (seed " + seed + ")");
        }
        return member.memberlist;
    }

    /**
     * @param name a node name
     * @return its address
     */
    public InetSocketAddress address(String name) {
        return members.get(name).address;
    }

    /**
     * Starts a node (a new one, or a restart of a crashed one under the same name).
     *
     * @param name the node's name
     * @param addressIndex picks its address, see {@link SimulatedNetwork#address(int)}
     * @return the node
     */
    public Memberlist start(String name, int addressIndex) {
        return start(name, name, addressIndex);
    }

    /**
     * Starts a node that claims another node's name, from another address.
     *
     * @param key the name the cluster knows it by, for {@link #node} and {@link #join}
     * @param claimedName the node name it announces
     * @param addressIndex picks its address
     * @return the node
     */
    public Memberlist startImpostor(String key, String claimedName, int addressIndex) {
        return start(key, claimedName, addressIndex);
    }

    private Memberlist start(String key, String name, int addressIndex) {
        Member previous = members.get(key);
        if (previous != null && !previous.memberlist.isShutdown()) {
            throw new IllegalStateException(key + " is still running (seed " + seed + ")");
        }
        InetSocketAddress address = SimulatedNetwork.address(addressIndex);
        SimulatedScheduler.NodeScheduler nodeScheduler = scheduler.forNode(key);
        MemberlistConfig.Builder config = nodeConfigurers.getOrDefault(name, UnaryOperator.identity())
                .apply(configurer.apply(preset.get()))
                .name(name)
                .events(eventDelegates.apply(name))
                .conflict(events.conflictDelegate(name))
                .telemetry(telemetry.apply(name));
        CostModel costs = nodeCostModels.getOrDefault(name, costModel);
        Delegate delegate = delegates.apply(name);
        if (costs.userMessageNanos() > 0) {
            delegate = new ChargingDelegate(delegate == null ? new Delegate() { } : delegate, nodeScheduler,
                    Duration.ofNanos(costs.userMessageNanos()));
        }
        if (delegate != null) {
            config.delegate(delegate);
        }
        // Only the initial nodes start with the cluster in mind; later starts and restarts must join.
        boolean initial = previous == null && members.size() < startingKnowledge.size();
        EngineSeams seams = new EngineSeams(scheduler, nodeScheduler, network.transport(address, nodeScheduler),
                new SplittableRandom(seeds.nextLong()), initial ? startingKnowledge : List.of());
        if (previous != null) {
            invariant.restarted(key);
        }
        MemberlistConfig built = config.build();
        if (!costs.isFree()) {
            nodeScheduler.costModel(costs, built);
        }
        Memberlist memberlist = Memberlist.create(built, seams);
        members.put(key, new Member(key, address, nodeScheduler, memberlist));
        return memberlist;
    }

    /**
     * Makes every other node join the first one, all at once.
     *
     * @return the join results by node
     */
    public Map<String, CompletableFuture<Integer>> joinAllToFirst() {
        List<String> names = names();
        String first = names.get(0);
        Map<String, CompletableFuture<Integer>> results = new LinkedHashMap<>();
        for (String name : names.subList(1, names.size())) {
            results.put(name, join(name, first));
        }
        return results;
    }

    /**
     * @param name the joining node
     * @param seedNode the node it joins through
     * @return the join's result
     */
    public CompletableFuture<Integer> join(String name, String seedNode) {
        InetSocketAddress seedAddress = address(seedNode);
        return node(name).join(List.of(seedAddress.getAddress().getHostAddress() + ":" + seedAddress.getPort()));
    }

    /** @param duration virtual time to run */
    public void runFor(Duration duration) {
        scheduler.runFor(duration);
    }

    /**
     * Runs until every running node sees exactly the running nodes, all alive.
     *
     * @param limit the most virtual time to run
     * @return whether that happened
     */
    public boolean awaitConvergence(Duration limit) {
        return scheduler.runUntil(this::converged, limit, Duration.ofMillis(50));
    }

    /** @return whether every running node sees exactly the running nodes, all alive */
    public boolean converged() {
        Set<String> running = new HashSet<>(running());
        for (String name : running) {
            Set<String> seen = new HashSet<>();
            for (Node node : node(name).members()) {
                if (node.state() != NodeState.ALIVE) {
                    return false;
                }
                seen.add(node.name());
            }
            if (!seen.equals(running)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param observer a node
     * @param subject another node
     * @return what the observer believes about the subject, or empty when it does not know it
     */
    public java.util.Optional<NodeState> stateOf(String observer, String subject) {
        return node(observer).allNodes().stream().filter(n -> n.name().equals(subject)).map(Node::state).findFirst();
    }

    /**
     * Kills a node without leaving: its transport closes, so packets to it vanish.
     *
     * @param name the node
     */
    public void crash(String name) {
        node(name).shutdown();
    }

    /** @param name a node to cut off from the network (it keeps running) */
    public void isolate(String name) {
        network.isolate(address(name));
    }

    /**
     * Cuts every link between two groups of nodes.
     *
     * @param groupA one side
     * @param groupB the other
     */
    public void partition(Collection<String> groupA, Collection<String> groupB) {
        network.partition(addresses(groupA), addresses(groupB));
    }

    /**
     * Cuts the links from one group to another in that direction only (see
     * {@link SimulatedNetwork#partitionOneWay}).
     *
     * @param from the nodes whose traffic is lost
     * @param to the nodes that no longer hear them
     */
    public void partitionOneWay(Collection<String> from, Collection<String> to) {
        network.partitionOneWay(addresses(from), addresses(to));
    }

    /** Restores every cut link. */
    public void heal() {
        network.heal();
    }

    /**
     * Slows a node down, as if starved of CPU.
     *
     * @param name the node
     * @param delay how late each of its tasks runs; zero restores it
     */
    public void slowDown(String name, Duration delay) {
        members.get(name).scheduler.processingDelay(delay);
    }

    /**
     * @param name a node name
     * @return the node's scheduler, which tells its backlog, busy and paused time
     */
    public SimulatedScheduler.NodeScheduler nodeScheduler(String name) {
        Member member = members.get(name);
        if (member == null) {
            throw new IllegalArgumentException("no node " + name + " (seed " + seed + ")");
        }
        return member.scheduler;
    }

    /**
     * Stops a node now for a while, as a stop-the-world pause does; see
     * {@link SimulatedScheduler.NodeScheduler#pause}.
     *
     * @param name the node
     * @param length how long it stands still
     */
    public void pause(String name, Duration length) {
        nodeScheduler(name).pause(length);
    }

    /**
     * Pauses a node once, later.
     *
     * @param name the node
     * @param after how long from now the pause starts
     * @param length how long it lasts
     */
    public void pauseAt(String name, Duration after, Duration length) {
        SimulatedScheduler.NodeScheduler node = nodeScheduler(name);
        scheduler.later(after, () -> node.pause(length));
    }

    /**
     * Pauses a node every {@code period}, the first time one period from now, for as long as the
     * simulation runs or until cancelled. A node restarted under the same name is not paused.
     *
     * @param name the node
     * @param period from the start of one pause to the start of the next
     * @param length how long each pause lasts, shorter than the period
     * @return stops further pauses
     */
    public Cancellable pauseEvery(String name, Duration period, Duration length) {
        if (length.compareTo(period) >= 0) {
            throw new IllegalArgumentException("a pause of " + length + " every " + period + " never ends");
        }
        SimulatedScheduler.NodeScheduler node = nodeScheduler(name);
        Cancellable[] next = new Cancellable[1];
        Runnable[] pauseAndRepeat = new Runnable[1];
        pauseAndRepeat[0] = () -> {
            node.pause(length);
            next[0] = scheduler.later(period, pauseAndRepeat[0]);
        };
        next[0] = scheduler.later(period, pauseAndRepeat[0]);
        return () -> next[0].cancel();
    }

    private Set<InetSocketAddress> addresses(Collection<String> names) {
        return names.stream().map(this::address).collect(Collectors.toSet());
    }

    private record Member(String name, InetSocketAddress address, SimulatedScheduler.NodeScheduler scheduler,
                          Memberlist memberlist) {
    }

    /** Configures a {@link SimCluster}. */
    public static final class Builder {
        private long seed = 1;
        private int nodes = 3;
        private Supplier<MemberlistConfig.Builder> preset = MemberlistConfig::lan;
        private UnaryOperator<MemberlistConfig.Builder> configurer = UnaryOperator.identity();
        private final Map<String, UnaryOperator<MemberlistConfig.Builder>> nodeConfigurers = new LinkedHashMap<>();
        private Function<String, Delegate> delegates = name -> null;
        private Function<String, EventDelegate> eventDelegates;
        private Function<String, Telemetry> telemetry;
        private CostModel costModel = CostModel.free();
        private final Map<String, CostModel> nodeCostModels = new LinkedHashMap<>();
        private boolean checkInvariants = true;
        private boolean converged;

        private Builder() {
        }

        /**
         * Starts the initial nodes as a converged cluster: each knows every initial node alive at
         * incarnation 1, as after a finished join, without having joined (no join events, nothing
         * to gossip). All nodes share these records until one changes, so a simulation of thousands
         * of nodes holds N records instead of N². Meant for nodes without metadata.
         *
         * @param value whether to start converged (default off: nodes start alone and must join)
         * @return this builder
         */
        public Builder converged(boolean value) {
            converged = value;
            return this;
        }

        /** @param value the seed of every random choice @return this builder */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value how many nodes to start, named {@code n0, n1, …} @return this builder */
        public Builder nodes(int value) {
            nodes = value;
            return this;
        }

        /**
         * @param value the preset every node's configuration starts from, such as {@link MemberlistConfig#local}
         *     (default {@link MemberlistConfig#lan})
         * @return this builder
         */
        public Builder preset(Supplier<MemberlistConfig.Builder> value) {
            preset = value;
            return this;
        }

        /** @param value adjusts each node's configuration (which starts from the {@link #preset}) @return this builder */
        public Builder config(UnaryOperator<MemberlistConfig.Builder> value) {
            configurer = value;
            return this;
        }

        /**
         * @param name a node name
         * @param value adjusts that node's configuration after {@link #config} did
         * @return this builder
         */
        public Builder config(String name, UnaryOperator<MemberlistConfig.Builder> value) {
            nodeConfigurers.put(name, value);
            return this;
        }

        /** @param value gives each node (by name) its {@link Delegate}, or null for none @return this builder */
        public Builder delegates(Function<String, Delegate> value) {
            delegates = value;
            return this;
        }

        /**
         * Gives each node its own {@link EventDelegate} in place of recording joins, leaves and
         * updates in {@link SimCluster#events()}, which with thousands of nodes would hold N² joins.
         *
         * @param value the event delegate of each node, by name
         * @return this builder
         */
        public Builder eventDelegates(Function<String, EventDelegate> value) {
            eventDelegates = value;
            return this;
        }

        /**
         * Gives each node its own {@link Telemetry} in place of recording suspicions in
         * {@link SimCluster#events()}.
         *
         * @param value the telemetry of each node, by name
         * @return this builder
         */
        public Builder telemetry(Function<String, Telemetry> value) {
            telemetry = value;
            return this;
        }

        /** @param value whether to check incarnation invariants after every task (default on) @return this builder */
        public Builder checkInvariants(boolean value) {
            checkInvariants = value;
            return this;
        }

        /**
         * Makes every node's work take virtual time; see {@link CostModel}.
         *
         * @param value what work costs (default {@link CostModel#free()}: work takes no time)
         * @return this builder
         */
        public Builder costModel(CostModel value) {
            costModel = value;
            return this;
        }

        /**
         * @param name a node name
         * @param value what work costs that node, in place of {@link #costModel(CostModel)}
         * @return this builder
         */
        public Builder costModel(String name, CostModel value) {
            nodeCostModels.put(name, value);
            return this;
        }

        /** @return the cluster, its nodes started but not yet joined */
        public SimCluster build() {
            return new SimCluster(this);
        }
    }

    /** @return how the run is reproduced, for failure messages */
    @Override
    public String toString() {
        return "SimCluster[seed=" + seed + ", nodes=" + new ArrayList<>(members.keySet()) + ", t=" + scheduler.elapsed() + "]";
    }
}
