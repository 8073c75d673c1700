package dev.memberlist.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTest {

    @Test
    void pairsEachFlagWithTheValueAfterIt() {
        assertThat(CommandLine.flags("--n", "8", "--reps", "1"))
                .containsExactly(Map.entry("--n", "8"), Map.entry("--reps", "1"));
        assertThat(CommandLine.flags()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.flags("--n", "8", "--reps"));
    }

    @Test
    void readsDurationsInMillisecondsSecondsAndMinutes() {
        assertThat(CommandLine.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(CommandLine.duration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(CommandLine.duration("3m")).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void rejectsADurationWithoutUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.duration("60"));
    }
}
