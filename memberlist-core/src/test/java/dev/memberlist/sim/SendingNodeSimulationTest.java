package dev.memberlist.sim;

import dev.memberlist.delegate.Delegate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that is itself sending a flood of best-effort user messages, more than its engine could
 * handle if each were a task of its own: n1 sends n0 5,000 a second for 20 s, and every task on n1
 * costs 300 µs, so as engine tasks they would take 1.5 s of every second and n1's acks would wait
 * behind a backlog growing without end (as in production before the send path was fixed: the sender
 * was declared dead by everyone). The sends run on the application's thread instead, as Go's do on
 * the caller's goroutine, so n1's engine sees only protocol work: it answers every probe in time.
 */
class SendingNodeSimulationTest {

    private static final int NODES = 5;
    private static final int MESSAGES_PER_SECOND = 5_000;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final CostModel SENDER_COSTS = CostModel.builder()
            .perTask(Duration.ofNanos(300_000))
            .build();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void nodeSendingAFloodOfUserMessagesStillAnswersProbesInTime(long seed) {
        long[] received = new long[1];
        SimCluster cluster = SimCluster.builder().seed(seed).nodes(NODES).costModel("n1", SENDER_COSTS)
                .delegates(name -> name.equals("n0") ? BusyNodeSimulationTest.countingMessages(received) : new Delegate() { })
                .build();
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();
        long loadStart = cluster.scheduler().nanoTime();

        UserMessageLoad load = UserMessageLoad.start(cluster, "n1", "n0", MESSAGES_PER_SECOND, new byte[64], LOAD);
        cluster.runFor(LOAD.plusSeconds(5));

        SimulatedScheduler.NodeScheduler n1 = cluster.nodeScheduler("n1");
        long suspicionsOfN1 = cluster.events().matching(e -> e.kind() == SimEvent.Kind.SUSPECTED
                && e.atNanos() >= loadStart && e.subject().equals("n1")).size();
        System.out.printf("sending node, seed %d: %d user messages sent by n1 in %s, %d received by n0; "
                        + "n1 busy %d ms, backlog max %d tasks; suspicions of n1 %d, deaths %d%n",
                seed, load.sent(), LOAD, received[0], n1.busyTime().toMillis(), n1.maxBacklog(), suspicionsOfN1,
                cluster.events().matching(e -> e.kind() == SimEvent.Kind.DIED).size());

        assertThat(cluster.events().about(SimEvent.Kind.DIED, "n1")).as("%s: nobody declared n1 dead", cluster).isEmpty();
        assertThat(suspicionsOfN1).as("%s: suspicions of n1", cluster).isZero();
        assertThat(n1.maxBacklog()).as("%s: n1's backlog", cluster).isLessThan(10);
        assertThat(load.sent()).isEqualTo(MESSAGES_PER_SECOND * LOAD.toSeconds());
        assertThat(received[0]).as("%s: every message reached n0", cluster).isEqualTo(load.sent());
        assertThat(cluster.converged()).as("%s: everyone sees everyone alive", cluster).isTrue();
    }
}
