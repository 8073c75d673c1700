package dev.memberlist.bench.scale;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScaleOptionsTest {

    @Test
    void defaultsToOneAndTenThousandNodesForSixtyVirtualSeconds() {
        ScaleOptions options = ScaleOptions.parse();

        assertThat(options.nodes()).containsExactly(1_000, 10_000);
        assertThat(options.start()).isEqualTo(ClusterStart.CONVERGED);
        assertThat(options.steady()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.seed()).isEqualTo(1);
    }

    @Test
    void readsSizesStartDurationAndSeed() {
        ScaleOptions options = ScaleOptions.parse("--nodes", "10_000", "--start", "rollout", "--virtual", "2m",
                "--seed", "9");

        assertThat(options.nodes()).containsExactly(10_000);
        assertThat(options.start()).isEqualTo(ClusterStart.ROLLOUT);
        assertThat(options.steady()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.seed()).isEqualTo(9);
    }

    @Test
    void rejectsUnknownFlagsMissingValuesBadSizesAndBadStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScaleOptions.parse("--nodes"));
        assertThatIllegalArgumentException().isThrownBy(() -> ScaleOptions.parse("--size", "10"));
        assertThatIllegalArgumentException().isThrownBy(() -> ScaleOptions.parse("--nodes", "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> ScaleOptions.parse("--virtual", "60"));
        assertThatIllegalArgumentException().isThrownBy(() -> ScaleOptions.parse("--start", "warm"));
    }
}
