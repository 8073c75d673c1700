package dev.memberlist.sim;

import dev.memberlist.MemberlistException;
import dev.memberlist.Node;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.delegate.Verdict;
import dev.memberlist.engine.Engine;
import dev.memberlist.state.Versions;
import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.PushPullHeader;
import dev.memberlist.wire.StreamCodec;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour that follows Go memberlist where an earlier version of this port did not. */
class GoParitySimulationTest {

    private static final Bytes VSN = Versions.toBytes(ProtocolVersions.advertised(2, 0, 0, 0));
    private static final int BIND_PORT = 8000;

    @Test
    void aliveWithoutAPortGetsTheBindPortNotTheAdvertisedOne() {
        // The simulated transport advertises port 7946 whatever the node binds to.
        SimCluster cluster = SimCluster.builder().seed(61).nodes(1).config(c -> c.bindPort(BIND_PORT)).build();
        cluster.runFor(Duration.ofMillis(10));
        InetSocketAddress other = SimulatedNetwork.address(91);

        new SimIntruder(cluster, 90).sendPacket(cluster.address("n0"), new Alive(1, "x",
                Bytes.copyOf(other.getAddress().getAddress()), 0, Bytes.NIL, VSN));
        cluster.runFor(Duration.ofMillis(100));

        assertThat(cluster.node("n0").members()).filteredOn(n -> n.name().equals("x"))
                .singleElement().extracting(Node::port).isEqualTo(BIND_PORT);
    }

    @Test
    void seedWithoutAPortGetsTheBindPort() {
        List<Integer> defaultPorts = new ArrayList<>();
        SimCluster cluster = SimCluster.builder().seed(62).nodes(1).config(c -> c.bindPort(BIND_PORT)
                .addressResolver((seed, defaultPort) -> {
                    defaultPorts.add(defaultPort);
                    return CompletableFuture.completedFuture(List.of());
                })).build();
        cluster.runFor(Duration.ofMillis(10));

        cluster.node("n0").join(List.of("seed.example"));

        assertThat(defaultPorts).containsExactly(BIND_PORT);
    }

    @Test
    void requireNodeNamesRefusesToJoinASeedWithoutANameAndJoinsANamedOne() {
        SimCluster cluster = SimCluster.builder().seed(63).nodes(2).config(c -> c.requireNodeNames(true)).build();
        InetSocketAddress n0 = cluster.address("n0");
        String hostPort = n0.getAddress().getHostAddress() + ":" + n0.getPort();

        CompletableFuture<Integer> unnamed = cluster.node("n1").join(List.of(hostPort));
        cluster.scheduler().runUntil(unnamed::isDone, Duration.ofSeconds(5));
        assertThat(unnamed).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(MemberlistException.class).withMessage("failed to join any seed: %s: %s", hostPort,
                        Engine.NODE_NAMES_REQUIRED);

        CompletableFuture<Integer> named = cluster.node("n1").join(List.of("n0/" + hostPort));
        cluster.scheduler().runUntil(named::isDone, Duration.ofSeconds(5));
        assertThat(named).as("%s", cluster).isCompletedWithValue(1);

        assertThat(cluster.node("n1").sendToAddress(n0, new byte[] {1})).as("a raw send names no node")
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class).havingCause()
                .withMessage(Engine.NODE_NAMES_REQUIRED);
    }

    @Test
    void requireNodeNamesLeavesAPingFromAnUnnamedSenderUnansweredAndRefusesToPingWithoutAName() {
        SimCluster cluster = SimCluster.builder().seed(64).nodes(1).config(c -> c.requireNodeNames(true)).build();
        cluster.runFor(Duration.ofMillis(10));
        SimIntruder intruder = new SimIntruder(cluster, 90);
        InetSocketAddress from = SimulatedNetwork.address(90);

        intruder.sendPacket(cluster.address("n0"), new Ping(7, "n0", Bytes.copyOf(from.getAddress().getAddress()),
                from.getPort(), ""));
        intruder.sendPacket(cluster.address("n0"), new Ping(8, "n0", Bytes.copyOf(from.getAddress().getAddress()),
                from.getPort(), "intruder"));
        cluster.runFor(Duration.ofMillis(100));

        assertThat(intruder.received()).as("only the named ping is acked").hasSize(1);
        CompletableFuture<Duration> unnamedPing = cluster.node("n0").ping("", from);
        cluster.runFor(Duration.ofMillis(1));
        assertThat(unnamedPing).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).havingCause().withMessage(Engine.NODE_NAMES_REQUIRED);
    }

    @Test
    void mergeDelegateIsShownEveryEntryOrTheMergeIsRefused() {
        List<List<String>> shown = new ArrayList<>();
        SimCluster cluster = SimCluster.builder().seed(65).nodes(1).config(c -> c.merge(peers -> {
            shown.add(peers.stream().map(Node::name).toList());
            return Verdict.accept();
        })).build();
        cluster.runFor(Duration.ofMillis(10));
        List<PushNodeState> entries = List.of(
                new PushNodeState("bad", Bytes.fromHex("0a00000000005b"), 7946, Bytes.NIL, 1, PushNodeState.STATE_ALIVE, VSN),
                new PushNodeState("good", Bytes.fromHex("0a00005c"), 7946, Bytes.NIL, 1, PushNodeState.STATE_ALIVE, VSN));

        new SimIntruder(cluster, 90).exchange(cluster.address("n0"),
                StreamCodec.pushPull(new PushPullHeader(entries.size(), 0, true), entries, Bytes.EMPTY), Duration.ofSeconds(5));
        cluster.runFor(Duration.ofSeconds(1));

        assertThat(shown).as("the delegate never sees a list with an entry left out").allSatisfy(names ->
                assertThat(names).containsExactly("bad", "good"));
        assertThat(cluster.node("n0").members()).extracting(Node::name).containsExactly("n0");
    }
}
