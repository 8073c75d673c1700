package dev.memberlist.sim;

import dev.memberlist.MemberlistConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void halvesSplitForTwoMinutesJoinUpAgainAfterHealing(long seed) {
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(10).build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();
        List<String> left = cluster.names().subList(0, 5);
        List<String> right = cluster.names().subList(5, 10);

        cluster.partition(left, right);
        cluster.runFor(Duration.ofMinutes(2));
        for (String observer : left) {
            assertThat(cluster.node(observer).members()).as("%s: %s sees only its half", cluster, observer).hasSize(5);
        }
        cluster.heal();
        long healedAt = cluster.scheduler().nanoTime();

        boolean rejoined = cluster.awaitConvergence(Duration.ofMinutes(2));

        assertThat(rejoined).as("%s: every node sees all ten alive again", cluster).isTrue();
        Duration rejoinedAfter = Duration.ofNanos(cluster.scheduler().nanoTime() - healedAt);
        System.out.printf("halves rejoined %d ms after healing (seed %d)%n", rejoinedAfter.toMillis(), seed);
        // Each node retries one node it declared dead every reconnectInterval (30 s); one retry across
        // the cut joins the halves up, and a few gossip rounds spread it: measured 1.9-27.1 s.
        Duration reconnectInterval = MemberlistConfig.lan().build().reconnectInterval();
        assertThat(rejoinedAfter).as("%s: rejoined", cluster).isLessThan(reconnectInterval.plusSeconds(5));
    }
}
