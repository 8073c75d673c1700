package dev.memberlist.state;

import dev.memberlist.sim.SimulatedScheduler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuspicionTest {

    private static final long MIN = Duration.ofMillis(500).toNanos();
    private static final long MAX = Duration.ofSeconds(2).toNanos();

    // Go: TestSuspicion_Timer: k = 3, min 500 ms, max 2 s, accuser "me". Go checks 810 ms with a
    // tolerance; the formula floors 811.28 ms to 811 ms, which is what Go computes too.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';                      0; 2000",
        "me:false foo:true;       1; 1250",
        "me:false foo:true foo:false foo:false; 1; 1250",
        "me:false foo:true bar:true; 2; 811",
        "me:false foo:true bar:true baz:true; 3; 500",
        "me:false foo:true bar:true baz:true zoo:false; 3; 500"})
    void confirmationsShortenTheTimeoutLogarithmically(String confirmations, int expectedConfirmations, long expectedMillis) {
        SimulatedScheduler scheduler = new SimulatedScheduler();
        List<Integer> fired = new ArrayList<>();
        List<Long> firedAt = new ArrayList<>();
        Suspicion suspicion = new Suspicion("me", 3, MIN, MAX, 0, scheduler.forNode("n"), n -> {
            fired.add(n);
            firedAt.add(scheduler.nanoTime());
        });
        for (String pair : confirmations.trim().split(" ")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split(":");
            assertThat(suspicion.confirm(parts[0], 0)).as(pair).isEqualTo(Boolean.parseBoolean(parts[1]));
        }

        scheduler.runFor(Duration.ofSeconds(3));

        assertThat(fired).containsExactly(expectedConfirmations);
        assertThat(firedAt).containsExactly(Duration.ofMillis(expectedMillis).toNanos());
    }

    // Go: TestSuspicion_Timer_ZeroK
    @ParameterizedTest
    @CsvSource({"0", "1"})
    void withoutExpectedConfirmationsTheMinimumApplies(int unused) {
        SimulatedScheduler scheduler = new SimulatedScheduler();
        List<Long> firedAt = new ArrayList<>();
        Suspicion suspicion = new Suspicion("me", 0, MIN, MAX, 0, scheduler.forNode("n"), n -> firedAt.add(scheduler.nanoTime()));

        assertThat(suspicion.confirm("foo", 0)).isFalse();
        scheduler.runFor(Duration.ofSeconds(3));

        assertThat(firedAt).containsExactly(MIN);
    }

    // Go: TestSuspicion_Timer_Immediate
    @ParameterizedTest
    @CsvSource({"0"})
    void confirmationAfterTheShortenedTimeoutFiresAtOnce(int unused) {
        SimulatedScheduler scheduler = new SimulatedScheduler();
        List<Long> firedAt = new ArrayList<>();
        Suspicion suspicion = new Suspicion("me", 1, MIN, MAX, 0, scheduler.forNode("n"), n -> firedAt.add(scheduler.nanoTime()));
        scheduler.runFor(Duration.ofMillis(600));

        suspicion.confirm("foo", scheduler.nanoTime());
        scheduler.runFor(Duration.ZERO);

        assertThat(firedAt).containsExactly(Duration.ofMillis(600).toNanos());
    }
}
