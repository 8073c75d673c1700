package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.memberlist.bench.sidebyside.MembershipViewsTest.event;
import static org.assertj.core.api.Assertions.assertThat;

class DetectionTest {

    @Test
    void timesFirstSuspectFirstAndLastSurvivorFromTheStart() {
        Detection detection = new Detection("n3", Set.of(0, 1, 2), 1_000);

        assertThat(detection.accept(event(1, "suspect", "n3", 2_500))).isFalse();
        assertThat(detection.accept(event(2, "suspect", "n3", 2_600))).isFalse();
        assertThat(detection.accept(event(0, "leave", "n3", 6_000))).isFalse();
        assertThat(detection.accept(event(0, "leave", "n3", 6_100))).isFalse();
        assertThat(detection.accept(event(2, "leave", "n3", 6_200))).isFalse();
        assertThat(detection.all()).isEmpty();
        assertThat(detection.missing()).isEqualTo(1);
        assertThat(detection.accept(event(1, "leave", "n3", 7_300))).isTrue();

        assertThat(detection.firstSuspect()).hasValue(1_500);
        assertThat(detection.first()).hasValue(5_000);
        assertThat(detection.all()).hasValue(6_300);
    }

    @Test
    void ignoresEarlierEventsOtherNodesAndNodesThatAreNotSurvivors() {
        Detection detection = new Detection("n2", Set.of(0), 1_000);

        detection.accept(event(0, "leave", "n2", 999));
        detection.accept(event(0, "leave", "n1", 1_500));
        detection.accept(event(3, "leave", "n2", 1_500));
        detection.accept(event(3, "suspect", "n2", 1_500));

        assertThat(detection.complete()).isFalse();
        assertThat(detection.first()).isEmpty();
        assertThat(detection.firstSuspect()).isEmpty();
    }
}
