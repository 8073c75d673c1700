package dev.memberlist.spring.event;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.engine.EngineSeams;
import dev.memberlist.sim.SimulatedNetwork;
import dev.memberlist.sim.SimulatedScheduler;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.metadata.NodeMetadata;
import dev.memberlist.transport.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured delegates on the real engine, on simulated time and network: node n0 runs
 * with the configuration of the application context's {@code Memberlist} bean (the one the starter
 * observes through: events, metadata from properties), n1 and n2 are plain nodes. Listener methods
 * see what n0 observes. (The context's own node runs alone on an isolated transport.)
 */
class MemberlistEventsSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3 })
    void listenersHearJoinsMessagesAGracefulLeaveAndAFailureInOrder(long seed) {
        World world = new World(seed);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
                .withBean(World.class, () -> world)
                .withBean(Transport.class, IsolatedTransport::new)
                .withUserConfiguration(Listener.class)
                .withPropertyValues("memberlist.name=n0", "memberlist.meta.zone=eu-1")
                .run(context -> {
                    Memberlist n0 = world.start(context.getBean(Memberlist.class).config(), 0);
                    Memberlist n1 = world.start("n1", 1);
                    Memberlist n2 = world.start("n2", 2);
                    n1.join(List.of("10.0.0.1:7946"));
                    n2.join(List.of("10.0.0.1:7946"));
                    world.runUntil(() -> n0.numMembers() == 3 && n1.numMembers() == 3 && n2.numMembers() == 3);
                    assertThat(NodeMetadata.decode(metaOf(n1, "n0"))).as("seed %d", seed)
                            .contains(Map.of("zone", "eu-1", "service-id", "application"));

                    n1.sendReliable("n0", "hello".getBytes(StandardCharsets.UTF_8));
                    world.runFor(Duration.ofSeconds(1));
                    CompletableFuture<Void> left = n1.leave(Duration.ofSeconds(5));
                    world.runUntil(left::isDone);
                    n1.shutdown();
                    n2.shutdown();
                    world.runUntil(() -> state(n0, "n2") == NodeState.DEAD);
                    n0.shutdown();

                    Listener listener = context.getBean(Listener.class);
                    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.seen).as("seed %d", seed)
                            .containsSubsequence("joined n0", "joined n1", "left n1 LEFT")
                            .containsSubsequence("joined n2", "left n2 FAILED")
                            .contains("message hello"));
                    assertThat(listener.seen).filteredOn(line -> line.startsWith("left")).hasSize(2);
                });
    }

    private static byte[] metaOf(Memberlist observer, String name) {
        return observer.members().stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow().meta();
    }

    private static NodeState state(Memberlist observer, String name) {
        return observer.allNodes().stream().filter(node -> node.name().equals(name)).map(Node::state).findFirst()
                .orElseThrow();
    }

    /** Simulated time and network, driven by the test thread. */
    static final class World {

        private final SimulatedScheduler scheduler = new SimulatedScheduler();
        private final SimulatedNetwork network;
        private final SplittableRandom random;

        World(long seed) {
            network = new SimulatedNetwork(scheduler, seed);
            random = new SplittableRandom(seed);
        }

        Memberlist start(MemberlistConfig config, int index) {
            InetSocketAddress address = SimulatedNetwork.address(index);
            SimulatedScheduler.NodeScheduler node = scheduler.forNode(config.name());
            return Memberlist.create(config, new EngineSeams(scheduler, node, network.transport(address, node),
                    new SplittableRandom(random.nextLong())));
        }

        Memberlist start(String name, int index) {
            return start(MemberlistConfig.lan().name(name).build(), index);
        }

        void runFor(Duration duration) {
            scheduler.runFor(duration);
        }

        void runUntil(BooleanSupplier condition) {
            assertThat(scheduler.runUntil(condition, Duration.ofMinutes(2), Duration.ofMillis(50))).isTrue();
        }
    }

    static class Listener {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void joined(MemberJoinedEvent event) {
            seen.add("joined " + event.getMember().name());
        }

        @EventListener
        void left(MemberLeftEvent event) {
            seen.add("left " + event.getMember().name() + " " + event.getReason());
        }

        @EventListener
        void message(UserMessageReceivedEvent event) {
            seen.add("message " + new String(event.getMessage(), StandardCharsets.UTF_8));
        }
    }
}
