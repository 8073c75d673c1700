package dev.memberlist.spring.health;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.MemberCounts;
import dev.memberlist.spring.lifecycle.JoinState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistHealthIndicatorTest {

    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1").build(),
            new IsolatedTransport());

    @AfterEach
    void shutdown() {
        memberlist.shutdown();
    }

    @Test
    void outOfServiceBeforeTheNodeStarts() {
        Health health = health(JoinState.NOT_STARTED, 5);

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("join", "NOT_STARTED");
    }

    @Test
    void upWhenRunningAloneWithoutSeedsWithCountsAndScore() {
        memberlist.start();

        Health health = health(JoinState.NOT_REQUESTED, 5);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("healthScore", 0)
                .containsEntry("counts", new MemberCounts(1, 0, 0, 0)).containsEntry("join", "NOT_REQUESTED");
    }

    @ParameterizedTest
    @CsvSource({ "JOINED, false", "JOINING, true", "NOT_REQUESTED, false" })
    void aRunningNodeIsUpWhileAloneOrLookingForItsSeeds(JoinState join, boolean lookingForSeeds) {
        memberlist.start();

        Health health = health(join, 5);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("join", join.name()).containsEntry("joined", false)
                .containsEntry("lookingForSeeds", lookingForSeeds);
    }

    @Test
    void outOfServiceAfterLeaving() {
        memberlist.start();
        memberlist.leave(Duration.ofSeconds(1)).join();

        assertThat(health(JoinState.JOINED, 5).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void downWhenShutDown() {
        memberlist.start();
        memberlist.shutdown();

        assertThat(health(JoinState.JOINED, 5).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downWhenTheHealthScoreIsAboveTheThreshold() {
        memberlist.start();

        Health health = health(JoinState.JOINED, -1);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("healthScore", 0).containsEntry("maxScore", -1);
    }

    private Health health(JoinState join, int maxScore) {
        return new MemberlistHealthIndicator(memberlist, () -> join, maxScore).health();
    }
}
