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
        // A probe fails only when the direct ping, all three indirect ones and the TCP fallback fail;
        // simulated streams are not lossy, so the fallback always gets through: no suspicion at all.
        assertThat(suspicions).as("%s: suspicions", cluster).isZero();
        // The network loses what it was told to (measured 9.9-10.0 %), and traffic is what the
        // protocol sends: a probe and its ack per node per second plus gossip (measured ~4 packets per
        // node per second).
        double lossRate = (double) cluster.network().packetsDropped() / cluster.network().packetsSent();
        assertThat(lossRate).as("%s: loss rate", cluster).isBetween(0.095, 0.105);
        assertThat(cluster.network().packetsSent() / 50.0 / 600).as("%s: packets per node per second", cluster)
                .isBetween(3.0, 5.0);
        System.out.printf("10%% loss, 50 nodes, 10 min: %d packets, %d lost, %d suspicions, 0 deaths (seed %d)%n",
                cluster.network().packetsSent(), cluster.network().packetsDropped(), suspicions, seed);
    }
}
