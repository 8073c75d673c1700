package dev.memberlist.interop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The encryption key of a live cluster of Go and Java nodes rotated as the README's runbook says,
 * through the nodes' stdin commands: install the new key everywhere, make it primary everywhere,
 * remove the old one everywhere. No node is suspected or declared dead on the way, and afterwards
 * the new key opens the cluster and the old one does not.
 */
class KeyRotationInteropIT {

    private static final String OLD_KEY = key("the key we rotate away from ....");
    private static final String NEW_KEY = key("the key we rotate to ...........");
    /** Twenty-five probe rounds of the fast timings: long enough for a broken key to show. */
    private static final Duration HOLD = Duration.ofSeconds(5);

    @RegisterExtension
    final RestartableCluster cluster = new RestartableCluster(Timings.FAST);

    @Test
    void rotatingTheKeyOfALiveMixedClusterFlapsNoNode() {
        List<RestartableNode> nodes = cluster.formChain(5, "-key", OLD_KEY);
        Map<PeerProcess, Integer> mark = cluster.mark();

        nodes.forEach(node -> assertThat(node.keys("install-key " + NEW_KEY)).as("%s", node)
                .containsEntry("op", "install-key").containsEntry("count", 2L));
        nodes.forEach(node -> assertThat(node.keys("use-key " + NEW_KEY)).as("%s", node)
                .containsEntry("op", "use-key").containsEntry("count", 2L));
        nodes.forEach(node -> assertThat(node.keys("remove-key " + OLD_KEY)).as("%s", node)
                .containsEntry("op", "remove-key").containsEntry("count", 1L));

        await("no flaps for " + HOLD + " after the rotation").during(HOLD).atMost(HOLD.plusSeconds(5))
                .until(() -> cluster.flapsSince(mark, Set.of()).isEmpty());
        cluster.awaitConverged();
        assertThat(cluster.flapsSince(mark, Set.of())).isEmpty();

        RestartableNode stale = cluster.newcomer("stale", "-key", OLD_KEY);
        assertThat(RestartableCluster.joinOutcome(stale)).as("a join with the removed key").contains(0);
        cluster.remove(stale);
        RestartableNode fresh = cluster.newcomer("fresh", "-key", NEW_KEY);
        assertThat(RestartableCluster.joinOutcome(fresh)).as("a join with the new key").hasValueSatisfying(
                joined -> assertThat(joined).isPositive());
        cluster.awaitConverged();
    }

    private static String key(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
