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
        MemberlistLifecycle lifecycle = lifecycle(List.of(), true);
        assertThat(lifecycle.joinState()).isEqualTo(JoinState.NOT_STARTED);

        lifecycle.start();

        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(memberlist.isStarted()).isTrue();
        assertThat(transport.starts()).isEqualTo(1);
        assertThat(lifecycle.joinState()).isEqualTo(JoinState.NOT_REQUESTED);
    }

    @Test
    void startWithJoinOnStartTurnedOffDoesNotJoin() {
        MemberlistLifecycle lifecycle = lifecycle(List.of("10.0.0.2:7946"), false);

        lifecycle.start();

        assertThat(lifecycle.joinState()).isEqualTo(JoinState.NOT_REQUESTED);
    }

    @Test
    void aJoinThatKeepsFailingLeavesTheNodeRunningAlone() {
        MemberlistLifecycle lifecycle = lifecycle(List.of("10.0.0.2:7946"), true);

        lifecycle.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.joinState() == JoinState.FAILED);
        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(memberlist.isShutdown()).isFalse();
        assertThat(memberlist.numMembers()).isEqualTo(1);
    }

    @Test
    void stopLeavesButKeepsTheNodeRunningThenCallsBack() throws InterruptedException {
        MemberlistLifecycle lifecycle = lifecycle(List.of(), true);
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
        MemberlistLifecycle lifecycle = lifecycle(List.of(), true);

        lifecycle.stop();

        assertThat(memberlist.isStarted()).isFalse();
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void startAfterStopJoinsAgain() {
        Memberlist restartable = Memberlist.prepareRestartable(MemberlistConfig.local().name("n2").build(),
                IsolatedTransport::new);
        MemberlistLifecycle lifecycle = new MemberlistLifecycle(restartable, List.of("10.0.0.2:7946"), true, 1,
                Duration.ZERO, Duration.ofSeconds(1));
        MemberlistNodeLifecycle node = new MemberlistNodeLifecycle(restartable);
        try {
            node.start();
            lifecycle.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.joinState() == JoinState.FAILED);
            lifecycle.stop();
            node.stop();
            assertThat(restartable.isShutdown()).isTrue();

            node.start();
            lifecycle.start();

            assertThat(restartable.isShutdown()).isFalse();
            assertThat(lifecycle.isRunning()).isTrue();
            assertThat(lifecycle.joinState()).isIn(JoinState.JOINING, JoinState.FAILED);
            await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.joinState() == JoinState.FAILED);
        } finally {
            restartable.shutdown();
        }
    }

    @Test
    void aJoinOfAStoppedRunDoesNotOverrideTheStateOfTheNextRun() {
        Memberlist restartable = Memberlist.prepareRestartable(MemberlistConfig.local().name("n3").build(),
                IsolatedTransport::new);
        // Every attempt fails at once; the new run's joiner keeps retrying for 200 + 400 + 800 ms.
        MemberlistLifecycle lifecycle = new MemberlistLifecycle(restartable, List.of("10.0.0.2:7946"), true, 4,
                Duration.ofMillis(200), Duration.ofSeconds(1));
        try {
            lifecycle.start();
            lifecycle.stop();
            lifecycle.start();

            // The stopped run's joiner wakes up after 200 ms, sees it was cancelled and gives up.
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(1350))
                    .until(() -> lifecycle.joinState() == JoinState.JOINING);
        } finally {
            restartable.shutdown();
        }
    }

    @Test
    void leavesBeforeTheWebServerDrainsAndShutsTheNodeDownAfterTheWebServerStopped() {
        // Phases stop from the highest down: leave, graceful web shutdown, web server stop, node shutdown.
        assertThat(lifecycle(List.of(), true).getPhase())
                .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
        assertThat(new MemberlistNodeLifecycle(memberlist).getPhase()).isLessThan(BootPhases.webServerStartStop());
    }

    private MemberlistLifecycle lifecycle(List<String> seeds, boolean joinOnStart) {
        return new MemberlistLifecycle(memberlist, seeds, joinOnStart, 2, Duration.ofMillis(10), Duration.ofSeconds(1));
    }
}
