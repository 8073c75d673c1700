package dev.memberlist.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterMathTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    // Go: TestSuspicionTimeout
    @ParameterizedTest
    @CsvSource({"5, 1000", "10, 1000", "50, 1698", "100, 2000", "500, 2698", "1000, 3000"})
    void suspicionTimeoutScalesWithLog10OfClusterSize(int n, long expectedMillis) {
        assertThat(ClusterMath.suspicionTimeoutNanos(3, n, SECOND) / 3).isEqualTo(expectedMillis * MILLI);
    }

    @ParameterizedTest
    @CsvSource({"3, 4000", "10, 4000", "50, 6792", "100, 8000", "1000, 12000", "10000, 16000"})
    void suspicionTimeoutMatchesLanTable(int n, long expectedMillis) {
        assertThat(ClusterMath.suspicionTimeoutNanos(4, n, SECOND)).isEqualTo(expectedMillis * MILLI);
    }

    // Go: TestRetransmitLimit
    @ParameterizedTest
    @CsvSource({"3, 0, 0", "3, 1, 3", "3, 99, 6", "4, 9, 4", "4, 10, 8", "4, 100, 12"})
    void retransmitLimitGrowsWithLog10(int mult, int n, int expected) {
        assertThat(ClusterMath.retransmitLimit(mult, n)).isEqualTo(expected);
    }

    // Go: TestPushPullScale
    @Test
    void pushPullScaleAddsOneIntervalPerDoubling() {
        for (int n = 0; n <= 32; n++) {
            assertThat(ClusterMath.pushPullScaleNanos(SECOND, n)).isEqualTo(SECOND);
        }
        for (int n = 33; n <= 64; n++) {
            assertThat(ClusterMath.pushPullScaleNanos(SECOND, n)).isEqualTo(2 * SECOND);
        }
        for (int n = 65; n <= 128; n++) {
            assertThat(ClusterMath.pushPullScaleNanos(SECOND, n)).isEqualTo(3 * SECOND);
        }
        assertThat(ClusterMath.pushPullScaleNanos(SECOND, 256)).isEqualTo(4 * SECOND);
    }

    // Go: TestSuspicion_remainingSuspicionTime
    @ParameterizedTest
    @CsvSource({
        "0, 3, 0, 2000, 30000, 30000",
        "1, 3, 2000, 2000, 30000, 14000",
        "2, 3, 3000, 2000, 30000, 4810",
        "3, 3, 4000, 2000, 30000, -2000",
        "4, 3, 5000, 2000, 30000, -3000",
        "5, 3, 10000, 2000, 30000, -8000"})
    void remainingSuspicionTimeShrinksWithConfirmations(int n, int k, long elapsedMillis, long minMillis,
                                                        long maxMillis, long expectedMillis) {
        assertThat(ClusterMath.remainingSuspicionNanos(n, k, elapsedMillis * MILLI, minMillis * MILLI, maxMillis * MILLI))
                .isEqualTo(expectedMillis * MILLI);
    }

    @Test
    void oneConfirmationInATenNodeLanClusterGivesElevenPointThreeEightOneSeconds() {
        long min = ClusterMath.suspicionTimeoutNanos(4, 10, SECOND);
        assertThat(ClusterMath.remainingSuspicionNanos(1, 2, 0, min, 6 * min)).isEqualTo(11_381 * MILLI);
    }
}
