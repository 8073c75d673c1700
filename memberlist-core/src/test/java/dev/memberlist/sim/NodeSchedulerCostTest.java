package dev.memberlist.sim;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.engine.Cancellable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeSchedulerCostTest {

    private static final MemberlistConfig CONFIG = MemberlistConfig.lan().name("a").build();

    private final SimulatedScheduler scheduler = new SimulatedScheduler();
    private final SimulatedScheduler.NodeScheduler node = scheduler.forNode("a");
    private final List<String> ran = new ArrayList<>();

    @Test
    void withoutCostModelTasksRunWhenDue() {
        node.execute(() -> record("first"));
        node.execute(() -> record("second"));

        scheduler.runFor(Duration.ZERO);

        assertThat(ran).containsExactly("first@0", "second@0");
        assertThat(node.busyTime()).isZero();
    }

    @Test
    void tasksRunOneAfterAnotherEachAtTheEndOfItsCostAndTheRestWaitInTheBacklog() {
        node.costModel(CostModel.builder().perTask(Duration.ofMillis(10)).build(), CONFIG);
        for (String name : List.of("a", "b", "c")) {
            node.execute(() -> record(name));
        }

        scheduler.runFor(Duration.ofMillis(5));
        assertThat(ran).isEmpty();
        assertThat(node.backlog()).isEqualTo(2);
        scheduler.runFor(Duration.ofMillis(10));
        assertThat(ran).containsExactly("a@10");
        assertThat(node.backlog()).isEqualTo(1);

        scheduler.runFor(Duration.ofMillis(100));
        assertThat(ran).containsExactly("a@10", "b@20", "c@30");
        assertThat(node.maxBacklog()).isEqualTo(2);
        assertThat(node.busyTime()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void timerDueWhileTheNodeWorksFiresLateInTurn() {
        node.costModel(CostModel.builder().perTask(Duration.ofMillis(10)).build(), CONFIG);
        node.execute(() -> record("work"));
        node.schedule(Duration.ofMillis(5), () -> record("timer"));

        scheduler.runFor(Duration.ofMillis(100));

        assertThat(ran).containsExactly("work@10", "timer@20");
    }

    @Test
    void pauseStopsTheRunningTaskAndDelaysTimersThatFallDueMeanwhile() {
        node.costModel(CostModel.builder().perTask(Duration.ofMillis(10)).build(), CONFIG);
        node.execute(() -> record("work"));
        node.schedule(Duration.ofMillis(500), () -> record("timer"));
        scheduler.runFor(Duration.ofMillis(4));

        node.pause(Duration.ofSeconds(2));
        scheduler.runFor(Duration.ofSeconds(3));

        assertThat(ran).containsExactly("work@2010", "timer@2020");
        assertThat(node.pausedTime()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void pauseOfAnIdleNodeHoldsEvenFreeWork() {
        node.pause(Duration.ofSeconds(1));
        node.execute(() -> record("free"));

        scheduler.runFor(Duration.ofSeconds(2));

        assertThat(ran).containsExactly("free@1000");
    }

    @Test
    void packetArrivingDuringAPauseIsHandedOverAfterTheTimersThatFellDue() {
        node.schedule(Duration.ofMillis(500), () -> record("timeout"));
        node.pause(Duration.ofSeconds(1));
        scheduler.later(Duration.ofMillis(100), () -> node.deliverPacket(new byte[] {0},
                () -> node.execute(() -> record("ack"))));

        scheduler.runFor(Duration.ofSeconds(2));

        assertThat(ran).containsExactly("timeout@1000", "ack@1000");
    }

    @Test
    void chargedWorkKeepsTheNodeBusyAfterTheTask() {
        node.costModel(CostModel.builder().perTask(Duration.ofMillis(1)).build(), CONFIG);
        node.execute(() -> {
            record("delegate");
            node.charge(Duration.ofMillis(50));
        });
        node.execute(() -> record("next"));

        scheduler.runFor(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("delegate@1", "next@52");
        assertThat(node.busyTime()).isEqualTo(Duration.ofMillis(52));
    }

    @Test
    void cancelledTaskInTheBacklogCostsNothing() {
        node.costModel(CostModel.builder().perTask(Duration.ofMillis(10)).build(), CONFIG);
        node.execute(() -> record("work"));
        Cancellable timer = node.schedule(Duration.ZERO, () -> record("cancelled"));
        node.execute(() -> record("after"));
        scheduler.runFor(Duration.ofMillis(1));

        timer.cancel();
        scheduler.runFor(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("work@10", "after@20");
    }

    private void record(String name) {
        ran.add(name + "@" + scheduler.elapsed().toMillis());
    }
}
