package dev.memberlist.agent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GoDurationTest {

    // Go: time.TestParseDuration (the cases that fit in the agent's flags)
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "5s, 5000000000",
        "30s, 30000000000",
        "1478s, 1478000000000",
        "-5s, -5000000000",
        "+5s, 5000000000",
        "-0, 0",
        "+0, 0",
        "5.0s, 5000000000",
        "5.6s, 5600000000",
        "5.s, 5000000000",
        ".5s, 500000000",
        "1.0s, 1000000000",
        "1.004s, 1004000000",
        "100.00100s, 100001000000",
        "10ns, 10",
        "11us, 11000",
        "12\u00b5s, 12000",
        "12\u03bcs, 12000",
        "13ms, 13000000",
        "14s, 14000000000",
        "15m, 900000000000",
        "16h, 57600000000000",
        "3h30m, 12600000000000",
        "10.5s4m, 250500000000",
        "-2m3.4s, -123400000000",
        "1h2m3s4ms5us6ns, 3723004005006",
        "39h9m14.425s, 140954425000000",
        "52763797000ns, 52763797000",
        "0.3333333333333333333h, 1200000000000",
        "9007199254740993ns, 9007199254740993",
        "9223372036854775807ns, 9223372036854775807",
        "0.100000000000000000000h, 360000000000",
        "200ms, 200000000",
        "1m30s, 90000000000",
    })
    void parsesWhatGoParses(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    // Go: time.TestParseDuration's error cases
    @ParameterizedTest
    @ValueSource(strings = {"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\u00b5s", "3000000h", "9223372036854775808ns",
        "1..5s", "5s-3s", "1 s", "\u0661s"})
    void rejectsWhatGoRejects(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse(text))
                .withMessageContaining("duration");
    }

    @ParameterizedTest
    @CsvSource({"3, missing unit", "1d, unknown unit \"d\""})
    void namesWhatIsWrongWithTheUnit(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse(text)).withMessageStartingWith(message);
    }
}
