package dev.memberlist.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ConvergenceSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void threeNodesJoinOneSeedAndConverge(long seed) {
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(3).build();
        cluster.joinAllToFirst();

        boolean converged = cluster.awaitConvergence(Duration.ofSeconds(30));

        assertThat(converged).as("%s converged", cluster).isTrue();
        assertThat(cluster.scheduler().elapsed()).as("%s", cluster).isLessThan(Duration.ofSeconds(5));
        System.out.printf("3 nodes converged after %d ms of virtual time (seed %d)%n",
                cluster.scheduler().elapsed().toMillis(), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void hundredNodesJoinOneSeedAndConverge(long seed) {
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(100).build();
        cluster.joinAllToFirst().values().forEach(join -> { });

        boolean converged = cluster.awaitConvergence(Duration.ofMinutes(2));

        assertThat(converged).as("%s converged", cluster).isTrue();
        assertThat(cluster.events().matching(e -> e.kind() == SimEvent.Kind.DIED)).as("%s", cluster).isEmpty();
        System.out.printf("100 nodes converged after %d ms of virtual time (seed %d)%n",
                cluster.scheduler().elapsed().toMillis(), seed);
    }
}
