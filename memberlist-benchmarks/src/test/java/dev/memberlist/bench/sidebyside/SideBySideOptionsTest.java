package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SideBySideOptionsTest {

    @Test
    void runsTheFullMatrixFiveTimesByDefault() {
        SideBySideOptions options = SideBySideOptions.parse();

        assertThat(options.scenarios()).containsExactly(new Scenario("lan", 8), new Scenario("local", 8),
                new Scenario("lan", 16), new Scenario("local", 16), new Scenario("lan", 32));
        assertThat(options.repetitions()).isEqualTo(5);
        assertThat(options.implementations()).containsExactly("java", "go", "scalecube");
        assertThat(options.settings().warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.settings().convergeTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.docs()).isEmpty();
        assertThat(options.tunedJavaOptions()).as("no tuned Java column unless asked").isEmpty();
    }

    @Test
    void runsEveryGivenSizeUnderEveryGivenPreset() {
        SideBySideOptions options = SideBySideOptions.parse("--n", "8,16", "--presets", "local", "--reps", "1",
                "--impls", "java,go", "--java-home", "/opt/jdk25", "--java-opts", "-Xmx256m -XX:+UseSerialGC",
                "--tuned-java-opts", " -XX:TieredStopAtLevel=1  -XX:-UsePerfData", "--window", "0s", "--docs", "docs/benchmarks");

        assertThat(options.scenarios()).containsExactly(new Scenario("local", 8), new Scenario("local", 16));
        assertThat(options.repetitions()).isEqualTo(1);
        assertThat(options.implementations()).containsExactly("java", "go");
        assertThat(options.javaHome()).contains(Path.of("/opt/jdk25"));
        assertThat(options.javaOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(options.tunedJavaOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
        assertThat(options.settings().measuresIdle()).isFalse();
        assertThat(options.docs()).contains(Path.of("docs/benchmarks"));
    }

    @Test
    void rejectsUnknownFlagsMissingValuesAndBadValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> SideBySideOptions.parse("--nodes", "8"));
        assertThatIllegalArgumentException().isThrownBy(() -> SideBySideOptions.parse("--n"));
        assertThatIllegalArgumentException().isThrownBy(() -> SideBySideOptions.parse("--n", "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> SideBySideOptions.parse("--presets", "cloud"));
        assertThatIllegalArgumentException().isThrownBy(() -> SideBySideOptions.parse("--reps", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> SideBySideOptions.parse("--impls", "java,hazelcast"));
        assertThatIllegalArgumentException().isThrownBy(() -> SideBySideOptions.parse("--warmup", "60"));
    }

    @Test
    void eachNodeOutlivesEveryWaitOfItsCluster() {
        RunSettings settings = SideBySideOptions.parse().settings();

        assertThat(settings.lifetime()).isGreaterThan(settings.readyTimeout().plus(settings.convergeTimeout())
                .plus(settings.warmup()).plus(settings.window()).plus(settings.detectTimeout().multipliedBy(2)));
    }
}
