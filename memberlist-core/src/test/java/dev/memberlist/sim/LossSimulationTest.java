package dev.memberlist.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LossSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void tenPercentPacketLossDeclaresNoLiveNodeDeadInTenMinutes(long seed) {
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(50).checkInvariants(false).build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofMinutes(1))).as("%s converged", cluster).isTrue();

        cluster.network().packetLoss(0.10);
        cluster.runFor(Duration.ofMinutes(10));

        long suspicions = cluster.events().matching(e -> e.kind() == SimEvent.Kind.SUSPECTED).size();
        assertThat(cluster.events().matching(e -> e.kind() == SimEvent.Kind.DIED)).as("%s: false deaths", cluster).isEmpty();
        assertThat(cluster.converged()).as("%s", cluster).isTrue();
        System.out.printf("10%% loss, 50 nodes, 10 min: %d packets, %d lost, %d suspicions, 0 deaths (seed %d)%n",
                cluster.network().packetsSent(), cluster.network().packetsDropped(), suspicions, seed);
    }
}
