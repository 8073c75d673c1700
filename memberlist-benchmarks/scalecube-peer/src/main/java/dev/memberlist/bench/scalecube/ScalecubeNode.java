package dev.memberlist.bench.scalecube;

import io.scalecube.cluster.Cluster;
import io.scalecube.cluster.ClusterConfig;
import io.scalecube.cluster.ClusterImpl;
import io.scalecube.cluster.ClusterMessageHandler;
import io.scalecube.cluster.Member;
import io.scalecube.cluster.membership.MembershipEvent;
import io.scalecube.cluster.transport.api.MessageCodec;
import io.scalecube.transport.netty.tcp.TcpTransportFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One scalecube member with its stock configuration for a preset, advertising 127.0.0.1. Membership
 * events become the peer protocol's {@code join} and {@code leave}: scalecube's {@code ADDED} (or a member
 * already known when the start returns) is a join; the first of {@code LEAVING} (a graceful leave seen) and {@code REMOVED} (declared dead, or
 * gone after leaving) is a leave, as memberlist's {@code NotifyLeave} covers both.
 */
final class ScalecubeNode {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final String preset;
    private final PeerEvents events;
    private final CountingCodec codec = new CountingCodec(MessageCodec.INSTANCE);
    private final Set<String> added = ConcurrentHashMap.newKeySet();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private Cluster cluster;
    private int port;

    private ScalecubeNode(String name, String preset, int port, PeerEvents events) {
        this.name = name;
        this.preset = preset;
        this.port = port;
        this.events = events;
    }

    /**
     * Starts a member and waits until it has synced with its seeds (or given up on them).
     *
     * @param name the member's alias, the {@code node} of events
     * @param preset {@code lan}, {@code local} or {@code wan}: scalecube's {@code default*Config}
     * @param port the TCP port, 0 for a free one
     * @param seeds seed addresses ({@code host:port}), may be empty
     * @param events where events go
     * @return the running member
     */
    static ScalecubeNode start(String name, String preset, int port, List<String> seeds, PeerEvents events) {
        ScalecubeNode node = new ScalecubeNode(name, preset, port, events);
        node.startCluster(seeds);
        return node;
    }

    /**
     * Joins through seeds. scalecube 2.7 takes its seeds only when a member starts, so the member that
     * runs alone is shut down and started again on the same port with the seeds, as a new member.
     *
     * @param seeds seed addresses ({@code host:port})
     * @return how many seeds are members now
     */
    int join(List<String> seeds) {
        cluster.shutdown();
        cluster.onShutdown().block(SHUTDOWN_TIMEOUT);
        startCluster(seeds);
        return (int) cluster.otherMembers().stream().filter(m -> seeds.contains(m.address())).count();
    }

    /** Leaves gracefully (scalecube spreads its {@code LEAVING} status) and shuts down. */
    void leave() {
        cluster.shutdown();
        cluster.onShutdown().block(SHUTDOWN_TIMEOUT);
    }

    /** @return the address others reach this member at, {@code 127.0.0.1:port} */
    String address() {
        return cluster.member().address();
    }

    /** @return the aliases of the members this one knows, itself included */
    List<String> memberNames() {
        return cluster.members().stream().map(Member::alias).sorted().toList();
    }

    /** @return the codec counting what this member sends */
    CountingCodec traffic() {
        return codec;
    }

    private void startCluster(List<String> seeds) {
        cluster = new ClusterImpl(config(preset))
                .config(c -> c.memberAlias(name).externalHost("127.0.0.1").externalPort(port == 0 ? null : port))
                .membership(m -> m.seedMembers(seeds))
                .transport(t -> t.port(port).messageCodec(codec))
                .transportFactory(TcpTransportFactory::new)
                .handler(c -> new ClusterMessageHandler() {
                    @Override
                    public void onMembershipEvent(MembershipEvent event) {
                        membershipEvent(event);
                    }
                })
                .startAwait();
        if (port == 0) {
            // externalPort was unset so the transport picked a free port; keep it for a later join.
            String address = address();
            port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        }
        events.emit("join", "node", name, "addr", address());
        // Members added while the cluster started may come before the handler listens: report them too.
        cluster.otherMembers().forEach(this::added);
    }

    private void added(Member member) {
        if (added.add(member.id())) {
            events.emit("join", "node", member.alias(), "addr", member.address());
        }
    }

    private void membershipEvent(MembershipEvent event) {
        Member member = event.member();
        if (event.isAdded()) {
            added(member);
        } else if ((event.isLeaving() || event.isRemoved()) && gone.add(member.id())) {
            events.emit("leave", "node", member.alias(), "addr", member.address());
        }
    }

    private static ClusterConfig config(String preset) {
        switch (preset) {
            case "lan":
                return ClusterConfig.defaultLanConfig();
            case "local":
                return ClusterConfig.defaultLocalConfig();
            case "wan":
                return ClusterConfig.defaultWanConfig();
            default:
                throw new IllegalArgumentException("unknown preset " + preset + ": use local, lan or wan");
        }
    }
}
