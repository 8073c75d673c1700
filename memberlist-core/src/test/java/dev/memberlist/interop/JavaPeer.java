package dev.memberlist.interop;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.RecordingTelemetry;
import dev.memberlist.sim.RecordingDelegate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One Java node on 127.0.0.1 and a free port, over the Netty transport, with spies on everything it
 * reports: user data ({@link RecordingDelegate}, push/pull state {@code state-of-<name>} as
 * gopeer's default), membership events and telemetry.
 */
final class JavaPeer implements AutoCloseable {

    private final String name;
    private final Memberlist memberlist;
    private final RecordingDelegate user;
    private final RecordingEvents events;
    private final RecordingTelemetry telemetry;

    private JavaPeer(String name, Memberlist memberlist, RecordingDelegate user, RecordingEvents events,
                     RecordingTelemetry telemetry) {
        this.name = name;
        this.memberlist = memberlist;
        this.user = user;
        this.events = events;
        this.telemetry = telemetry;
    }

    /**
     * @param name the node name
     * @param config the configuration; name, address, port, delegates and telemetry are set here
     * @return the running node
     */
    static JavaPeer start(String name, MemberlistConfig.Builder config) {
        RecordingDelegate user = new RecordingDelegate("state-of-" + name);
        RecordingEvents events = new RecordingEvents();
        RecordingTelemetry telemetry = new RecordingTelemetry();
        Memberlist memberlist = Memberlist.create(config
                .name(name)
                .bindAddress("127.0.0.1")
                .bindPort(0)
                .delegate(user)
                .events(events)
                .telemetry(telemetry)
                .build());
        return new JavaPeer(name, memberlist, user, events, telemetry);
    }

    String name() {
        return name;
    }

    /** @return {@code 127.0.0.1:port}, as a seed */
    String address() {
        return "127.0.0.1:" + memberlist.localNode().port();
    }

    Memberlist memberlist() {
        return memberlist;
    }

    RecordingDelegate user() {
        return user;
    }

    RecordingEvents events() {
        return events;
    }

    RecordingTelemetry telemetry() {
        return telemetry;
    }

    /**
     * @param seeds {@code host:port} of nodes to join through
     * @return the join's result
     */
    CompletableFuture<Integer> join(String... seeds) {
        return memberlist.join(List.of(seeds));
    }

    /**
     * @param node a node name
     * @return what this node believes about it, or empty when it does not know it
     */
    Optional<NodeState> stateOf(String node) {
        return find(node).map(Node::state);
    }

    /**
     * @param node a node name
     * @return this node's view of it, or empty when it does not know it
     */
    Optional<Node> find(String node) {
        return memberlist.allNodes().stream().filter(n -> n.name().equals(node)).findFirst();
    }

    /** @return the names of the nodes this node believes alive, itself included */
    Set<String> aliveNames() {
        return memberlist.allNodes().stream().filter(n -> n.state() == NodeState.ALIVE).map(Node::name)
                .collect(Collectors.toSet());
    }

    /** @return whether the node still runs */
    boolean isRunning() {
        return !memberlist.isShutdown();
    }

    /** Stops the node without leaving (idempotent): to the others it has crashed. */
    @Override
    public void close() {
        memberlist.close();
    }

    @Override
    public String toString() {
        return name + " (Java)";
    }
}
