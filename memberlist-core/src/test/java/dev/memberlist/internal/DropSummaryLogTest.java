package dev.memberlist.internal;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DropSummaryLogTest {

    private long nowNanos = 1_000;
    private final DropSummaryLog log = new DropSummaryLog(NOPLogger.NOP_LOGGER, "test datagrams",
            Duration.ofSeconds(10), () -> nowNanos);

    @Test
    void logsTheFirstDropAtOnceThenOneLinePerIntervalWithTheCountSinceTheLastLine() {
        assertThat(log.dropped()).as("the first drop is logged at once").isEqualTo(1);
        for (int i = 0; i < 999; i++) {
            nowNanos += 1_000_000;
            assertThat(log.dropped()).as("drops within the interval are only counted").isZero();
        }
        nowNanos += Duration.ofSeconds(10).toNanos();
        assertThat(log.dropped()).as("one line for the 999 counted and this one").isEqualTo(1_000);
        assertThat(log.dropped()).isZero();
    }
}
