package dev.memberlist.spring.lifecycle;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
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
    void stopLeavesAndShutsTheNodeDownThenCallsBack() throws InterruptedException {
        MemberlistLifecycle lifecycle = lifecycle(List.of(), true);
        lifecycle.start();
        CountDownLatch stopped = new CountDownLatch(1);

        lifecycle.stop(stopped::countDown);

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(memberlist.hasLeft()).isTrue();
        assertThat(memberlist.isShutdown()).isTrue();
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void stopOfANodeThatNeverStartedShutsItDown() {
        MemberlistLifecycle lifecycle = lifecycle(List.of(), true);

        lifecycle.stop();

        assertThat(memberlist.isShutdown()).isTrue();
    }

    @Test
    void startsAfterAndStopsBeforeTheGracefulShutdownOfTheWebServer() {
        assertThat(lifecycle(List.of(), true).getPhase())
                .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    private MemberlistLifecycle lifecycle(List<String> seeds, boolean joinOnStart) {
        return new MemberlistLifecycle(memberlist, seeds, joinOnStart, 2, Duration.ofMillis(10), Duration.ofSeconds(1));
    }
}
