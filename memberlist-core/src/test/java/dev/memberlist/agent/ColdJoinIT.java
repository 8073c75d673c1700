package dev.memberlist.agent;

import dev.memberlist.interop.PeerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fresh JVMs joining a fresh seed all at once, under the {@code local} preset's one-second TCP
 * timeout: the first push/pull of a JVM must not cost more than that. It once did (loading the codec
 * and the TCP paths, and Netty's allocator starting JFR), and every join timed out.
 */
class ColdJoinIT {

    private static final int NODES = 8;
    /**
     * Under {@code local} gossip often misses a node and push/pull (every 15 s) then tells it:
     * ConvergenceSimulationTest's slowest of 400 simulated runs of this start took 24 s.
     */
    private static final Duration CONVERGE = Duration.ofSeconds(45);

    private final List<PeerProcess> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() {
        agents.forEach(PeerProcess::close);
    }

    @Test
    void sevenFreshAgentsJoiningAFreshSeedAtOnceAllGetInUnderTheLocalTcpTimeout() throws IOException {
        for (int i = 0; i < NODES; i++) {
            agents.add(PeerProcess.agent("cold-" + i, "-name", "c" + i, "-config", "local", "-lifetime", "2m"));
        }
        List<String> addresses = new ArrayList<>();
        for (PeerProcess agent : agents) {
            addresses.add((String) agent.await("ready").get("addr"));
        }

        for (PeerProcess joiner : agents.subList(1, NODES)) {
            joiner.command("join " + addresses.get(0));
        }

        for (PeerProcess joiner : agents.subList(1, NODES)) {
            Map<String, Object> outcome = await(joiner + " answers the join").atMost(PeerProcess.WAIT)
                    .until(() -> joiner.find(e -> "joined".equals(e.get("event")) || "error".equals(e.get("event"))),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(outcome).as("%s's join", joiner).containsEntry("event", "joined").containsEntry("joined", 1L);
        }
        await("every agent sees all " + NODES).atMost(CONVERGE).untilAsserted(() ->
                assertThat(agents).allSatisfy(agent -> assertThat(agent.events().stream()
                        .filter(e -> "join".equals(e.get("event"))).map(e -> e.get("node")).distinct())
                        .as("nodes %s saw join", agent).hasSize(NODES)));
    }
}
