package dev.memberlist.interop;

import dev.memberlist.MemberlistException;
import dev.memberlist.Node;
import dev.memberlist.transport.netty.NoNettyLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * AES-GCM between Go and Java: with the same key a mixed cluster forms; with a wrong key, or none,
 * a join fails on both sides with an error that names the cause, and nobody is admitted.
 */
class EncryptionInteropIT {

    @RegisterExtension
    static final NoNettyLeaks NO_LEAKS = NoNettyLeaks.collectingAfterAll();

    private static final byte[] KEY = "interop-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "another key, also thirty-two B..".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final MixedCluster cluster = new MixedCluster(Timings.FAST);

    @Test
    void goAndJavaNodesWithTheSameKeyFormOneCluster() {
        GoPeer g1 = cluster.go("g1", "-key", base64(KEY));
        JavaPeer j1 = cluster.java("j1", c -> c.secretKey(KEY));
        assertThat(j1.join(g1.address())).succeedsWithin(MixedCluster.WAIT);
        GoPeer g2 = cluster.go("g2", "-key", base64(KEY), "-join", j1.address());
        JavaPeer j2 = cluster.java("j2", c -> c.secretKey(KEY));
        assertThat(j2.join(g2.address())).succeedsWithin(MixedCluster.WAIT);

        cluster.awaitConverged();
        g1.command("send j2 sealed over tcp");
        j1.user().broadcast("sealed from java", 4);

        g2.await("msg", e -> "sealed from java".equals(e.get("data")));
        await("j2 receives g1's message").atMost(MixedCluster.WAIT).until(() -> j2.user().messages().contains("sealed over tcp"));
        // Go's local preset sends a broadcast twice, to two of g1's three peers: at least one is Java.
        g1.broadcastUntil("sealed from go",
                () -> j1.user().messages().contains("sealed from go") || j2.user().messages().contains("sealed from go"));
        assertThat(cluster.javaPeers()).allSatisfy(j -> assertThat(j.telemetry().droppedByReason())
                .as("input %s dropped", j).isEmpty());
    }

    @Test
    void javaJoinWithTheWrongKeyFailsNamingTheCauseAndAdmitsNobody() throws IOException {
        GoPeer g1 = cluster.go("g1", "-key", base64(KEY));
        JavaPeer j1 = cluster.java("j1", c -> c.secretKey(OTHER_KEY));

        assertThat(j1.join(g1.address())).failsWithin(MixedCluster.WAIT)
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(MemberlistException.class)
                .withMessage("failed to join any seed: %s: No installed keys could decrypt the message", g1.address());
        assertThat(Files.readString(g1.process().stderrLog())).as("g1's memberlist log")
                .contains("[ERR] memberlist: failed to receive: No installed keys could decrypt the message");

        assertThat(g1.memberNames()).containsExactly("g1");
        assertThat(j1.memberlist().members()).extracting(Node::name).containsExactly("j1");
    }

    @Test
    void javaJoinWithoutAKeyFailsNamingTheCauseAndAdmitsNobody() throws IOException {
        GoPeer g1 = cluster.go("g1", "-key", base64(KEY));
        JavaPeer j1 = cluster.java("j1");

        assertThat(j1.join(g1.address())).failsWithin(MixedCluster.WAIT)
                .withThrowableOfType(ExecutionException.class).havingCause()
                .withMessage("failed to join any seed: %s: Remote state is encrypted and encryption is not configured",
                        g1.address());
        assertThat(Files.readString(g1.process().stderrLog())).as("g1's memberlist log")
                .contains("[ERR] memberlist: failed to receive: Encryption is configured but remote state is not encrypted");

        assertThat(g1.memberNames()).containsExactly("g1");
        assertThat(j1.memberlist().members()).extracting(Node::name).containsExactly("j1");
    }

    @Test
    void goJoinWithTheWrongKeyFailsAndIsNotAdmitted() {
        JavaPeer j1 = cluster.java("j1", c -> c.secretKey(KEY));
        GoPeer g1 = cluster.go("g1", "-key", base64(OTHER_KEY), "-join", j1.address());

        assertThat((String) g1.await("error", e -> true).get("error"))
                .startsWith("join: ").contains("No installed keys could decrypt the message");

        assertThat(g1.memberNames()).containsExactly("g1");
        assertThat(j1.memberlist().members()).extracting(Node::name).containsExactly("j1");
        assertThat(j1.telemetry().dropped("decrypt_failed")).isEqualTo(1);
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
