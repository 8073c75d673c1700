package dev.memberlist.sim;

import dev.memberlist.MemberlistException;
import dev.memberlist.Node;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class JoinSimulationTest {

    private static final byte[] KEY = "sixteen byte key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "another 16B key!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void joinWhereEverySeedFailsNamesEachSeedWithItsCause() {
        SimCluster cluster = SimCluster.builder().seed(21).nodes(2)
                .config(c -> c.tcpTimeout(Duration.ofSeconds(2)))
                .config("n0", c -> c.secretKey(KEY))
                .config("n1", c -> c.secretKey(OTHER_KEY))
                .build();
        InetSocketAddress nobody = SimulatedNetwork.address(40);

        CompletableFuture<Integer> join = cluster.node("n1").join(List.of(hostPort(cluster.address("n0")), hostPort(nobody)));
        cluster.scheduler().runUntil(join::isDone, Duration.ofSeconds(5));

        assertThat(join).as("%s", cluster).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(MemberlistException.class)
                .withMessage("failed to join any seed: %s: No installed keys could decrypt the message; "
                        + "%s: stream to %s timed out after PT2S", hostPort(cluster.address("n0")), hostPort(nobody), nobody)
                .satisfies(failure -> assertThat(failure.getSuppressed()).hasSize(2));
        assertThat(cluster.node("n0").members()).extracting(Node::name).containsExactly("n0");
        assertThat(cluster.node("n1").members()).extracting(Node::name).containsExactly("n1");
    }

    @Test
    void plainJoinOfAnEncryptedNodeNamesTheMissingEncryption() {
        SimCluster cluster = SimCluster.builder().seed(22).nodes(2).config("n0", c -> c.secretKey(KEY)).build();

        CompletableFuture<Integer> join = cluster.join("n1", "n0");
        cluster.scheduler().runUntil(join::isDone, Duration.ofSeconds(5));

        assertThat(join).as("%s", cluster).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).havingCause()
                .withMessage("failed to join any seed: %s: Remote state is encrypted and encryption is not configured",
                        hostPort(cluster.address("n0")));
        assertThat(cluster.node("n0").members()).extracting(Node::name).containsExactly("n0");
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
