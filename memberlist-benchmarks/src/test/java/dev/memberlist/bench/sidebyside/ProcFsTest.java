package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcFsTest {

    @Test
    void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 9000 0 12 0 250 37 0 0 20 0 30 0 100 0 0";

        assertThat(ProcFs.cpuMillisOfStat(stat)).isEqualTo(2_870);
    }

    @Test
    void readsThisProcessAndFindsNothingForAMissingOne() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcFs.cpuMillis(self)).isPresent();
        assertThat(ProcFs.rssBytes(self).orElseThrow()).isGreaterThan(1 << 20);
        assertThat(ProcFs.cpuMillis(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcFs.rssBytes(Long.MAX_VALUE)).isEmpty();
    }
}
