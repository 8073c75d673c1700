package dev.memberlist.state;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AwarenessTest {

    private static final long SECOND = 1_000_000_000L;

    // Go: TestAwareness
    @Test
    void scoreStaysWithinBoundsAndScalesTheTimeout() {
        int[][] cases = {
            {0, 0, 1}, {-1, 0, 1}, {-10, 0, 1}, {1, 1, 2}, {-1, 0, 1}, {10, 7, 8}, {-1, 6, 7}, {-1, 5, 6},
            {-1, 4, 5}, {-1, 3, 4}, {-1, 2, 3}, {-1, 1, 2}, {-1, 0, 1}, {-1, 0, 1},
        };
        Awareness awareness = new Awareness(8, score -> { });
        for (int[] c : cases) {
            awareness.applyDelta(c[0]);
            assertThat(awareness.score()).isEqualTo(c[1]);
            assertThat(awareness.scaleTimeoutNanos(SECOND)).isEqualTo(c[2] * SECOND);
        }
    }

    @Test
    void reportsOnlyActualChanges() {
        List<Integer> reported = new ArrayList<>();
        Awareness awareness = new Awareness(3, reported::add);

        awareness.applyDelta(-1);
        awareness.applyDelta(5);
        awareness.applyDelta(1);
        awareness.applyDelta(-1);

        assertThat(reported).containsExactly(2, 1);
    }
}
