package dev.memberlist.sim;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.Telemetry;
import dev.memberlist.internal.ClusterMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConvergenceSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void threeNodesJoinOneSeedAndConverge(long seed) {
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(3).build();
        cluster.joinAllToFirst();

        boolean converged = cluster.awaitConvergence(Duration.ofSeconds(30));

        assertThat(converged).as("%s converged", cluster).isTrue();
        // Each join is one push/pull with n0 (a few ms), and n0's gossip tells the other joiner within
        // a gossip round or two (200 ms each): measured 50-100 ms over the seeds.
        assertThat(cluster.scheduler().elapsed()).as("%s", cluster).isLessThan(Duration.ofSeconds(1));
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
        // n0 learns everyone from the joins at once; the 99 alive messages then spread by gossip in
        // O(log N) rounds: measured 1.85-2.15 s over the seeds, so 4 s is about twice the slowest.
        assertThat(cluster.scheduler().elapsed()).as("%s", cluster).isLessThan(Duration.ofSeconds(4));
        System.out.printf("100 nodes converged after %d ms of virtual time (seed %d)%n",
                cluster.scheduler().elapsed().toMillis(), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void hundredNodesStartedConvergedStayQuietSpreadTheirPushPullsOverTheScaledPeriodAndTakeInANewcomer(long seed) {
        AtomicInteger periodicPushPulls = new AtomicInteger();
        AtomicInteger suspicions = new AtomicInteger();
        Telemetry counting = new Telemetry() {
            @Override
            public void pushPullCompleted(boolean join, boolean success, Duration duration) {
                if (!join && success) {
                    periodicPushPulls.incrementAndGet();
                }
            }

            @Override
            public void nodeSuspected(String node) {
                suspicions.incrementAndGet();
            }
        };
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(100).converged(true)
                .telemetry(name -> counting).build();
        Duration period = Duration.ofNanos(ClusterMath.pushPullScaleNanos(
                MemberlistConfig.lan().build().pushPullInterval().toNanos(), 100));

        cluster.runFor(Duration.ofSeconds(1));
        assertThat(cluster.converged()).as("%s converged from the start", cluster).isTrue();
        cluster.runFor(period.dividedBy(3).minusSeconds(1));
        // Staggered over the unscaled 30 s, as an engine that starts alone does, all 100 would be done.
        assertThat(periodicPushPulls.get()).as("%s: push/pulls in the first third of %s", cluster, period)
                .isBetween(15, 55);
        cluster.runFor(period.minus(period.dividedBy(3)).minusSeconds(1));
        assertThat(periodicPushPulls.get()).as("%s: push/pulls within %s", cluster, period).isBetween(90, 100);

        cluster.start("n100", 100);
        cluster.join("n100", "n42");
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s took in n100", cluster).isTrue();
        assertThat(suspicions.get()).as("%s suspicions", cluster).isZero();
    }
}
