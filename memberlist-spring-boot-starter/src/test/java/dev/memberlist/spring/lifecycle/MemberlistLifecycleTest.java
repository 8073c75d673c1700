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
        assertThat(listener.calls.subList(0, 8)).allMatch(call -> call.startsWith("failed "))
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
    void stopLeavesAndShutsTheNodeDownThenCallsBack() throws InterruptedException {
        MemberlistLifecycle lifecycle = lifecycle(List.of(), new RecordingJoinListener());
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
        MemberlistLifecycle lifecycle = lifecycle(List.of(), new RecordingJoinListener());

        lifecycle.stop();

        assertThat(memberlist.isShutdown()).isTrue();
    }

    @Test
    void startsAfterAndStopsBeforeTheGracefulShutdownOfTheWebServer() {
        assertThat(lifecycle(List.of(), new RecordingJoinListener()).getPhase())
                .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    private MemberlistLifecycle lifecycle(List<String> seeds, JoinListener listener) {
        return new MemberlistLifecycle(memberlist, new SeedJoiner(seeds,
                new JoinBackoff(Duration.ofMillis(10), Duration.ofMillis(20)), listener), Duration.ofSeconds(1));
    }
}
