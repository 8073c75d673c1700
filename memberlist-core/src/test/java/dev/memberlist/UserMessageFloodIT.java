package dev.memberlist;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.transport.netty.NoNettyLeaks;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Five nodes on 127.0.0.1 to 127.0.0.5 with the LAN preset, on a machine kept busy: n2 sends n1
 * 20,000 best-effort user messages a second for a minute while two spinning threads keep both cores
 * busy. User messages may be dropped (the sender's bounded user send queue, the receiver's handoff
 * queue, the kernel's socket buffers), each drop counted; probes may not be held up so long that a
 * live node is declared dead. Closing the sender in the middle of a flood is quick.
 */
@ExtendWith(NoNettyLeaks.class)
class UserMessageFloodIT {

    private static final int SIZE = 5;
    private static final int MESSAGES_PER_SECOND = 20_000;
    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUICK_CLOSE = Duration.ofSeconds(3);

    private final List<Memberlist> nodes = new ArrayList<>();
    private final List<RecordingTelemetry> telemetry = new ArrayList<>();
    private final List<String> deaths = new CopyOnWriteArrayList<>();
    private final LongAdder received = new LongAdder();
    private final CpuSpinners spinners = new CpuSpinners(2);
    private long startNanos;
    private PacedSender sender;

    @AfterEach
    void stopEverything() {
        if (sender != null) {
            sender.stop();
        }
        spinners.stop();
        nodes.forEach(Memberlist::close);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void nodeFloodedWithUserMessagesOnBusyCoresDeclaresNoLiveNodeDeadAndIsNotDeclaredDead() throws Exception {
        for (int i = 1; i <= SIZE; i++) {
            nodes.add(Memberlist.create(config(i)));
        }
        String seed = "127.0.0.1:" + nodes.get(0).localNode().port();
        for (Memberlist node : nodes.subList(1, SIZE)) {
            assertThat(node.join(List.of(seed))).succeedsWithin(WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(nodes).allSatisfy(node ->
                assertThat(node.members()).hasSize(SIZE)));

        startNanos = System.nanoTime();
        spinners.start();
        sender = PacedSender.start(nodes.get(1), nodes.get(0).localNode().name(), MESSAGES_PER_SECOND, new byte[64], LOAD);
        while (!finishedWithin(sender, REPORT_EVERY.plusSeconds(1))) {
            report();
        }
        spinners.stop();
        boolean settled = settled();
        report();

        assertThat(deaths).as("nodes declared dead (observer -> subject @ seconds into the load)").isEmpty();
        assertThat(settled).as("every node sees every node alive %s after the load", WAIT).isTrue();
        assertThat(sender.sent()).as("messages sent").isEqualTo(MESSAGES_PER_SECOND * LOAD.toSeconds());
        assertThat(received.sum()).as("messages received").isPositive();
        // Nothing waits without bound: every send has completed, and every failure is a counted drop.
        await().atMost(WAIT).until(() -> sender.done() == sender.sent());
        assertThat(sender.failed()).as("sends refused")
                .isEqualTo(telemetry.get(1).outputDroppedFor("user_send_queue_full"));

        assertClosesQuicklyWhileFlooding(nodes.get(1));
    }

    /** A node with user datagrams waiting to be written still closes at once. */
    private void assertClosesQuicklyWhileFlooding(Memberlist node) throws InterruptedException {
        sender = PacedSender.start(node, nodes.get(0).localNode().name(), MESSAGES_PER_SECOND, new byte[64], LOAD);
        await().atMost(WAIT).until(() -> sender.sent() >= MESSAGES_PER_SECOND);
        long start = System.nanoTime();
        node.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);
        sender.stop();
        System.out.printf("flood: n2 closed in %d ms while sending %d messages a second%n", closing.toMillis(),
                MESSAGES_PER_SECOND);
        assertThat(closing).as("time to close n2 in the middle of a flood").isLessThan(QUICK_CLOSE);
    }

    private static boolean finishedWithin(PacedSender sender, Duration wait) throws InterruptedException, ExecutionException {
        try {
            sender.finished().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Waits for what is still queued to drain and for suspicions the load caused to end. */
    private boolean settled() {
        try {
            await().atMost(WAIT).until(() -> nodes.stream().allMatch(node -> node.members().size() == SIZE
                    && node.members().stream().allMatch(n -> n.state() == NodeState.ALIVE)));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private void report() {
        System.out.printf("flood t=%ds: handed to n2 %d, datagrams encoded by n2 %d, sends completed %d "
                        + "(%d failed), user messages dropped by n2 %s, received by n1 %d, "
                        + "dropped input by node %s, suspicions by node %s, spinner loops %d, deaths %s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), sender.sent(),
                telemetry.get(1).datagramsSent(), sender.done(), sender.failed(),
                telemetry.get(1).outputDroppedByReason(), received.sum(),
                telemetry.stream().map(RecordingTelemetry::droppedByReason).toList(),
                telemetry.stream().map(t -> t.suspected().size()).toList(), spinners.loops(), deaths);
    }

    private MemberlistConfig config(int index) {
        RecordingTelemetry recording = new RecordingTelemetry();
        telemetry.add(recording);
        String name = "n" + index;
        MemberlistConfig.Builder config = MemberlistConfig.lan()
                .name(name)
                .bindAddress("127.0.0." + index)
                .bindPort(0)
                .telemetry(recording)
                .events(new EventDelegate() {
                    @Override
                    public void notifyLeave(Node node) {
                        if (node.state() == NodeState.DEAD) {
                            deaths.add(name + " -> " + node.name() + " @ "
                                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos) + " s");
                        }
                    }
                });
        if (index == 1) {
            config.delegate(new Delegate() {
                @Override
                public void notifyMessage(byte[] message) {
                    received.increment();
                }
            });
        }
        return config.build();
    }
}
