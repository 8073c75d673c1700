package dev.memberlist.spring.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JoinBackoffTest {

    private final JoinBackoff backoff = new JoinBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @ParameterizedTest(name = "after {0} failures: {1}")
    @CsvSource({ "1, PT1S", "2, PT2S", "3, PT4S", "5, PT16S", "6, PT30S", "1000000, PT30S" })
    void doublesUpToTheCap(int failures, Duration expected) {
        assertThat(backoff.cappedDelay(failures)).isEqualTo(expected);
    }

    @Test
    void jitterTakesUpToHalfOff() {
        RandomGenerator random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.delay(6, random)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void rejectsAnEmptyInitialWaitAndACapBelowIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new JoinBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new JoinBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
