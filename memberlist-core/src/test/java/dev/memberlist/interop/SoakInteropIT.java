package dev.memberlist.interop;

import dev.memberlist.transport.netty.NoNettyLeaks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three Go and three Java nodes on Go's LAN timings for two real minutes, with user broadcasts
 * both ways in every round: no member flaps on either side (no suspicion, death or leave), nothing
 * is dropped or logged at WARN by the Java nodes, and Go logs no warning or error about them.
 */
class SoakInteropIT {

    @RegisterExtension
    static final NoNettyLeaks NO_LEAKS = NoNettyLeaks.collectingAfterAll();

    private static final Duration SOAK = Duration.ofMinutes(2);
    /** Each round holds the cluster under watch this long after its broadcasts arrived. */
    private static final Duration HOLD = Duration.ofSeconds(2);
    /** As often as Go's LAN preset sends a broadcast in a cluster of six (4 · ⌈log10(7)⌉). */
    private static final int JAVA_TRANSMITS = 4;

    @RegisterExtension
    final MixedCluster cluster = new MixedCluster(Timings.LAN);
    private WarningLog warnings;

    @BeforeEach
    void formCluster() {
        warnings = WarningLog.open();
        cluster.formChain(3);
    }

    @AfterEach
    void stopCluster() {
        if (warnings != null) {
            warnings.close();
        }
    }

    @Test
    void mixedClusterStaysStableForTwoMinutesWithBroadcastsBothWays() throws IOException {
        List<GoPeer> goPeers = cluster.goPeers();
        List<JavaPeer> javaPeers = cluster.javaPeers();
        Set<String> everyone = cluster.runningNames();
        int[] reach = new int[2];
        long started = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - started < SOAK.toNanos()) {
            GoPeer goSender = goPeers.get(rounds % goPeers.size());
            JavaPeer javaSender = javaPeers.get(rounds % javaPeers.size());
            String fromGo = "round " + rounds + " from " + goSender.name();
            String fromJava = "round " + rounds + " from " + javaSender.name();
            goSender.command("broadcast " + fromGo);
            javaSender.user().broadcast(fromJava, JAVA_TRANSMITS);

            await("round " + rounds + ": each side hears the other's broadcast").atMost(MixedCluster.WAIT).until(() ->
                    javaPeers.stream().anyMatch(j -> j.user().messages().contains(fromGo))
                            && goPeers.stream().anyMatch(g -> printedMessage(g, fromJava)));
            await("round " + rounds + ": no flaps").during(HOLD).atMost(HOLD.plusSeconds(5))
                    .untilAsserted(() -> assertStable(everyone));
            reach[0] += (int) javaPeers.stream().filter(j -> j.user().messages().contains(fromGo)).count();
            reach[1] += (int) goPeers.stream().filter(g -> printedMessage(g, fromJava)).count();
            rounds++;
        }
        for (GoPeer go : goPeers) {
            assertThat(Files.readAllLines(go.process().stderrLog())).as("warnings and errors in %s's memberlist log", go)
                    .noneMatch(line -> line.contains("[WARN]") || line.contains("[ERR]"));
        }
        cluster.awaitConverged();
        assertThat(warnings.warnings()).as("Java warnings during the soak").isEmpty();
        System.out.printf("soak: %d rounds in %d s; each Go broadcast reached %.1f of 3 Java nodes, "
                        + "each Java broadcast %.1f of 3 Go nodes (%d transmits each way)%n", rounds,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), reach[0] / (double) rounds,
                reach[1] / (double) rounds, JAVA_TRANSMITS);
    }

    private void assertStable(Set<String> everyone) {
        for (JavaPeer java : cluster.javaPeers()) {
            assertThat(java.aliveNames()).as("alive nodes seen by %s", java).isEqualTo(everyone);
            assertThat(java.telemetry().suspected()).as("nodes %s suspected", java).isEmpty();
            assertThat(java.events().all()).as("leaves seen by %s", java)
                    .noneMatch(e -> e.kind() == RecordingEvents.Kind.LEAVE);
            assertThat(java.telemetry().droppedByReason()).as("input %s dropped", java).isEmpty();
        }
        for (GoPeer go : cluster.goPeers()) {
            assertThat(go.process().events()).as("suspicions, leaves and errors printed by %s", go)
                    .noneMatch(e -> List.of("suspect", "leave", "error").contains((String) e.get("event")));
        }
        assertThat(warnings.warnings()).as("Java warnings").isEmpty();
    }

    private static boolean printedMessage(GoPeer go, String text) {
        return go.process().find(e -> "msg".equals(e.get("event")) && text.equals(e.get("data"))).isPresent();
    }
}
