package dev.memberlist.interop;

import dev.memberlist.sim.RecordingDelegate.RemoteState;
import dev.memberlist.transport.netty.NoNettyLeaks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application's data between a Go node and a Java node, each way: user broadcasts, reliable
 * (TCP) and best-effort (UDP) messages, push/pull user state, and node metadata updates.
 */
class UserDataInteropIT {

    @RegisterExtension
    static final NoNettyLeaks NO_LEAKS = NoNettyLeaks.collectingAfterAll();

    @RegisterExtension
    final MixedCluster cluster = new MixedCluster(Timings.FAST);
    private GoPeer go;
    private JavaPeer java;

    @BeforeEach
    void formCluster() {
        cluster.formChain(1);
        go = cluster.goPeers().get(0);
        java = cluster.javaPeers().get(0);
    }

    @Test
    void userBroadcastsReachTheOtherSideBothWays() {
        java.user().broadcast("news from java", 3);
        go.broadcastUntil("news from go", () -> java.user().messages().contains("news from go"));

        go.await("msg", e -> "news from java".equals(e.get("data")));
    }

    @Test
    void reliableAndBestEffortMessagesReachTheOtherSideBothWays() {
        go.command("send j1 tcp from go");
        go.command("send-udp j1 udp from go");
        assertThat(java.memberlist().sendReliable("g1", bytes("tcp from java"))).succeedsWithin(MixedCluster.WAIT);
        assertThat(java.memberlist().sendBestEffort("g1", bytes("udp from java"))).succeedsWithin(MixedCluster.WAIT);

        awaitMessage(java, "tcp from go");
        awaitMessage(java, "udp from go");
        go.await("msg", e -> "tcp from java".equals(e.get("data")));
        go.await("msg", e -> "udp from java".equals(e.get("data")));
        assertThat(go.process().find(e -> "error".equals(e.get("event")))).isEmpty();
    }

    @Test
    void pushPullUserStateFlowsBothWaysOnJoinAndPeriodically() {
        assertThat(go.await("remote_state", e -> Boolean.TRUE.equals(e.get("join")))).containsEntry("data", "state-of-j1");
        assertThat(java.user().remoteStates()).contains(new RemoteState("state-of-g1", true));

        go.command("state go state, second edition");
        java.user().localState("java state, second edition");

        go.await("remote_state", e -> "java state, second edition".equals(e.get("data")) && Boolean.FALSE.equals(e.get("join")));
        await("j1 merges Go's new state").atMost(MixedCluster.WAIT).until(() ->
                java.user().remoteStates().contains(new RemoteState("go state, second edition", false)));
    }

    @Test
    void metadataUpdatesSpreadBothWays() {
        go.command("meta role=go,zone=a");
        java.user().meta("role=java,zone=b");
        assertThat(java.memberlist().updateNode(Duration.ofSeconds(5))).succeedsWithin(MixedCluster.WAIT);

        assertThat(go.awaitNode("update", "j1")).containsEntry("meta", "role=java,zone=b")
                .containsEntry("addr", java.address());
        await("j1 sees g1's new metadata").atMost(MixedCluster.WAIT).untilAsserted(() ->
                assertThat(java.events().of(RecordingEvents.Kind.UPDATE, "g1"))
                        .anySatisfy(e -> assertThat(e.meta()).isEqualTo("role=go,zone=a")));
        assertThat(new String(java.find("g1").orElseThrow().meta(), StandardCharsets.UTF_8)).isEqualTo("role=go,zone=a");
    }

    private static void awaitMessage(JavaPeer peer, String text) {
        await(peer + " receives \"" + text + "\"").atMost(MixedCluster.WAIT).until(() -> peer.user().messages().contains(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
