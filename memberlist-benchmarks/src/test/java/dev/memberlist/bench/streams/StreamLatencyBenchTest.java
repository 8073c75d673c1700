package dev.memberlist.bench.streams;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the harness with tiny counts, so it cannot rot unnoticed. */
class StreamLatencyBenchTest {

    @Test
    void measuresEveryStreamLayerAndPrintsOneRowEach() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamLatencyOptions options = StreamLatencyOptions.parse("--members", "8", "--fresh", "1", "--warmup", "2",
                "--exchanges", "4", "--in-flight", "2");

        List<StreamLatencyResult> results = StreamLatencyBench.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(results).extracting(StreamLatencyResult::setup).containsExactly(StreamSetup.values());
        assertThat(results).allSatisfy(result -> {
            assertThat(result.steady().medianNanos()).isPositive().isLessThanOrEqualTo(result.steady().p99Nanos());
            assertThat(result.exchangesPerSecond()).isPositive();
            assertThat(result.requestBytes()).isEqualTo(PushPullPayloads.of(8).request().length);
        });
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("| TCP | 8 |", "| TCP+TLS | 8 |", "| QUIC | 8 |");
    }

    @Test
    void largerClustersPushLargerStatesAndBadFlagsAreRefused() {
        assertThat(PushPullPayloads.of(1024).request().length).isGreaterThan(100 * PushPullPayloads.of(8).request().length);
        assertThatThrownBy(() -> StreamLatencyOptions.parse("--exchanges", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamLatencyOptions.parse("--speed", "1")).hasMessage("unknown flag --speed");
    }

    @Test
    void percentilesAreNearestRank() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 100 - i;
        }

        assertThat(LatencySummary.of(samples)).isEqualTo(new LatencySummary(50, 99));
    }
}
