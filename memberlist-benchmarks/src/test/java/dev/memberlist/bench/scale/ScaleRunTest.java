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

/** Runs the harness's code path on a small cluster, so the harness cannot rot unnoticed. */
class ScaleRunTest {

    @Test
    void fiftyNodesConvergeAndSpreadOneDeathWithinTheBounds() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ScaleResult result = new ScaleRun(50, Duration.ofSeconds(2), 7,
                new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        assertThat(result.waves()).isEqualTo(6);
        assertThat(result.convergeVirtual()).isPresent();
        // Gossip can miss a node now and then; anti-entropy repairs that within one push/pull period.
        Duration pushPullPeriod = Duration.ofNanos(ClusterMath.pushPullScaleNanos(
                MemberlistConfig.lan().build().pushPullInterval().toNanos(), 50));
        assertThat(result.convergeAfterRampVirtual()).hasValueSatisfying(
                time -> assertThat(time).isLessThan(pushPullPeriod));
        assertThat(result.deathSpreadVirtual()).hasValueSatisfying(
                time -> assertThat(time).isLessThan(result.bounds().deathSpread().multipliedBy(2)));
        assertThat(result.falseDeaths()).isZero();
        assertThat(result.packetsPerVirtualSecond()).isPositive();
        assertThat(result.steadyWall()).isPositive();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[N=50] converged at");

        String table = ScaleTable.format(List.of(result));
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().skip(2).findFirst()).hasValueSatisfying(row -> assertThat(row).startsWith("| 50 | 6 |"));
    }
}
