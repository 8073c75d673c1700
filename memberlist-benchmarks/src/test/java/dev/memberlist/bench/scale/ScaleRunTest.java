package dev.memberlist.bench.scale;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.internal.ClusterMath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the harness's code paths on a small cluster, so the harness cannot rot unnoticed. */
class ScaleRunTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void fiftyNodesRollOutConvergeAndSpreadOneJoinAndOneDeathWithinTheBounds() {
        ScaleResult result = run(ClusterStart.ROLLOUT);

        assertThat(result.waves()).isEqualTo(6);
        assertThat(result.convergeVirtual()).isPresent();
        // Gossip can miss a node now and then; anti-entropy repairs that within one push/pull period.
        Duration pushPullPeriod = Duration.ofNanos(ClusterMath.pushPullScaleNanos(
                MemberlistConfig.lan().build().pushPullInterval().toNanos(), 50));
        assertThat(result.convergeAfterRampVirtual()).hasValueSatisfying(
                time -> assertThat(time).isLessThan(pushPullPeriod));
        assertSpreadsWithinBounds(result);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[N=50] converged at");
        assertThat(rowOf(result)).startsWith("| 50 | rollout, 6 waves |");
    }

    @Test
    void fiftyNodesStartedConvergedStayQuietAndSpreadOneJoinAndOneDeathWithinTheBounds() {
        ScaleResult result = run(ClusterStart.CONVERGED);

        assertThat(result.waves()).isZero();
        assertThat(result.convergeVirtual()).isEmpty();
        // Each node gossips only its own start-up announcement, then nothing is left to send.
        assertThat(result.backlogAfter()).isZero();
        assertSpreadsWithinBounds(result);
        assertThat(rowOf(result)).startsWith("| 50 | converged | – | – |");
    }

    private ScaleResult run(ClusterStart start) {
        return new ScaleRun(50, start, Duration.ofSeconds(5), 7, new PrintStream(log, true, StandardCharsets.UTF_8))
                .run();
    }

    private static void assertSpreadsWithinBounds(ScaleResult result) {
        assertThat(result.joinSpreadVirtual()).hasValueSatisfying(
                time -> assertThat(time).isLessThan(result.bounds().dissemination().multipliedBy(2)));
        assertThat(result.deathSpreadVirtual()).hasValueSatisfying(
                time -> assertThat(time).isLessThan(result.bounds().deathSpread().multipliedBy(2))
                        .isLessThan(result.bounds().slowestDeathSpread()));
        assertThat(result.falseDeaths()).isZero();
        assertThat(result.packetsPerVirtualSecond()).isPositive();
        assertThat(result.steadyWall()).isPositive();
    }

    private static String rowOf(ScaleResult result) {
        String table = ScaleTable.format(List.of(result));
        assertThat(table.lines()).hasSize(3);
        return table.lines().skip(2).findFirst().orElseThrow();
    }
}
