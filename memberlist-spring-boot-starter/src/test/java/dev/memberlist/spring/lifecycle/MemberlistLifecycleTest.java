package dev.memberlist.spring.lifecycle;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.spring.BootPhases;
import dev.memberlist.spring.IsolatedTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MemberlistLifecycleTest {

    private final IsolatedTransport transport = new IsolatedTransport();
    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1").build(), transport);

    @AfterEach
    void shutdown() {
        memberlist.shutdown();
    }

    @Test
    void startStartsTheNodeAndRunsAloneWithoutSeeds() {
        MemberlistLifecycle lifecycle = lifecycle(List.of(), new RecordingJoinListener());
        assertThat(lifecycle.joinState()).isEqualTo(JoinState.NOT_STARTED);

        lifecycle.start();

        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(memberlist.isStarted()).isTrue();
        assertThat(transport.starts()).isEqualTo(1);
        assertThat(lifecycle.joinState()).isEqualTo(JoinState.NOT_REQUESTED);
    }

    @Test
    void aJoinThatKeepsFailingKeepsTheNodeRunningAndLookingForItsSeeds() {
        RecordingJoinListener listener = new RecordingJoinListener();
        MemberlistLifecycle lifecycle = lifecycle(List.of("10.0.0.2:7946"), listener);

        lifecycle.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() >= 8);
        // The joiner keeps failing in the background: a view of the live list would break on its next append.
        assertThat(List.copyOf(listener.calls).subList(0, 8)).allMatch(call -> call.startsWith("failed "))
                .extracting(call -> call.substring(0, call.indexOf(':'))).containsExactly("failed 1", "failed 2",
                        "failed 3", "failed 4", "failed 5", "failed 6", "failed 7", "failed 8");
        assertThat(lifecycle.joinState()).isEqualTo(JoinState.JOINING);
        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(memberlist.isShutdown()).isFalse();
        assertThat(memberlist.numMembers()).isEqualTo(1);

        lifecycle.stop();
        int attempts = listener.calls.size();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1))
                .until(() -> listener.calls.size() <= attempts + 1);
    }

    @Test
    void stopLeavesButKeepsTheNodeRunningThenCallsBack() throws InterruptedException {
        MemberlistLifecycle lifecycle = lifecycle(List.of(), new RecordingJoinListener());
        lifecycle.start();
        CountDownLatch stopped = new CountDownLatch(1);

        lifecycle.stop(stopped::countDown);

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(memberlist.hasLeft()).isTrue();
        assertThat(memberlist.isShutdown()).as("the node lifecycle shuts it down, after the web server").isFalse();
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void stopOfANodeThatNeverStartedCallsBackAtOnce() {
        MemberlistLifecycle lifecycle = lifecycle(List.of(), new RecordingJoinListener());

        lifecycle.stop();

        assertThat(memberlist.isStarted()).isFalse();
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void startAfterStopLooksForTheSeedsAgainAndStopEndsTheLooking() {
        Memberlist restartable = Memberlist.prepareRestartable(MemberlistConfig.local().name("n2").build(),
                IsolatedTransport::new);
        RecordingJoinListener listener = new RecordingJoinListener();
        MemberlistLifecycle lifecycle = new MemberlistLifecycle(restartable, new SeedJoiner(List.of("10.0.0.2:7946"),
                new JoinBackoff(Duration.ofMillis(10), Duration.ofMillis(20)), listener), Duration.ofSeconds(1));
        MemberlistNodeLifecycle node = new MemberlistNodeLifecycle(restartable);
        try {
            node.start();
            lifecycle.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() >= 2);
            lifecycle.stop();
            node.stop();
            assertThat(restartable.isShutdown()).isTrue();
            assertThat(lifecycle.joinState()).isEqualTo(JoinState.NOT_STARTED);
            int firstRun = listener.calls.size();
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1))
                    .until(() -> listener.calls.size() <= firstRun + 1);
            int beforeRestart = listener.calls.size();

            node.start();
            lifecycle.start();

            assertThat(restartable.isShutdown()).isFalse();
            assertThat(lifecycle.isRunning()).isTrue();
            assertThat(lifecycle.joinState()).isEqualTo(JoinState.JOINING);
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() >= beforeRestart + 2);
            assertThat(listener.calls.get(beforeRestart)).as("a new run counts its attempts from 1").startsWith("failed 1:");
        } finally {
            restartable.shutdown();
        }
    }

    @Test
    void aJoinOfAStoppedRunDoesNotOverrideTheStateOfTheNextRun() {
        Memberlist restartable = Memberlist.prepareRestartable(MemberlistConfig.local().name("n3").build(),
                IsolatedTransport::new);
        // Every attempt fails at once; the new run keeps looking, waiting 200 ms to 1 s between attempts.
        MemberlistLifecycle lifecycle = new MemberlistLifecycle(restartable, new SeedJoiner(List.of("10.0.0.2:7946"),
                new JoinBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)), new RecordingJoinListener()),
                Duration.ofSeconds(1));
        try {
            lifecycle.start();
            lifecycle.stop();
            lifecycle.start();

            // The stopped run's attempt ends after the new run began; it must leave the new run's state alone.
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(1350))
                    .until(() -> lifecycle.joinState() == JoinState.JOINING);
        } finally {
            restartable.shutdown();
        }
    }

    @Test
    void leavesBeforeTheWebServerDrainsAndShutsTheNodeDownAfterTheWebServerStopped() {
        // Phases stop from the highest down: leave, graceful web shutdown, web server stop, node shutdown.
        assertThat(lifecycle(List.of(), new RecordingJoinListener()).getPhase())
                .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
        assertThat(new MemberlistNodeLifecycle(memberlist).getPhase()).isLessThan(BootPhases.webServerStartStop());
    }

    private MemberlistLifecycle lifecycle(List<String> seeds, JoinListener listener) {
        return new MemberlistLifecycle(memberlist, new SeedJoiner(seeds,
                new JoinBackoff(Duration.ofMillis(10), Duration.ofMillis(20)), listener), Duration.ofSeconds(1));
    }
}
