package dev.memberlist.interop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running plaintext cluster of Go and Java nodes moved to encryption without downtime, by three
 * rolling restarts as Consul documents it: every node gets the key with incoming and outgoing
 * verification off (it still speaks plaintext), then outgoing on (it encrypts, still reads
 * plaintext), then incoming on. After each restart the whole cluster agrees again, and no node
 * that stayed up is suspected or declared dead.
 */
class EncryptionMigrationInteropIT {

    private static final String KEY = Base64.getEncoder()
            .encodeToString("migrating to encryption, 32 B...".getBytes(StandardCharsets.US_ASCII));
    private static final List<List<String>> PHASES = List.of(
            List.of("-key", KEY, "-verify-incoming=false", "-verify-outgoing=false"),
            List.of("-key", KEY, "-verify-incoming=false", "-verify-outgoing=true"),
            List.of("-key", KEY, "-verify-incoming=true", "-verify-outgoing=true"));

    @RegisterExtension
    final RestartableCluster cluster = new RestartableCluster(Timings.FAST);

    @Test
    void aPlaintextClusterMovesToEncryptionByRollingRestartsWithoutDowntime() {
        List<RestartableNode> nodes = cluster.formChain(4);

        for (List<String> phase : PHASES) {
            for (int i = 0; i < nodes.size(); i++) {
                RestartableNode node = nodes.get(i);
                String seed = nodes.get((i + 1) % nodes.size()).address();
                Map<PeerProcess, Integer> mark = cluster.mark();
                node.restart(concat(phase, "-join", seed));
                cluster.awaitConverged();
                assertThat(cluster.flapsSince(mark, Set.of(node.name())))
                        .as("restarting %s with %s", node.name(), phase).isEmpty();
            }
        }

        RestartableNode plaintext = cluster.newcomer("plaintext");
        assertThat(RestartableCluster.joinOutcome(plaintext)).as("a plaintext join after the migration").contains(0);
        cluster.remove(plaintext);
        RestartableNode keyed = cluster.newcomer("keyed", "-key", KEY);
        assertThat(RestartableCluster.joinOutcome(keyed)).hasValueSatisfying(joined -> assertThat(joined).isPositive());
        cluster.awaitConverged();
    }

    private static String[] concat(List<String> flags, String... more) {
        return java.util.stream.Stream.concat(flags.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
