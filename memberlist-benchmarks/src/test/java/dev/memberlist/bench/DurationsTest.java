package dev.memberlist.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationsTest {

    @Test
    void readsDurationsInMillisecondsSecondsAndMinutes() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(Durations.parse("3m")).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void rejectsADurationWithoutUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("60"));
    }
}
