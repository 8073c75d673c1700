package dev.memberlist.bench.scale;

import dev.memberlist.MemberlistConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GossipBoundsTest {

    @Test
    void followsMemberlistsFormulasForAThousandNodesOnTheLanPreset() {
        GossipBounds bounds = GossipBounds.of(MemberlistConfig.lan().name("n0").build(), 1_000);

        // 4 × ceil(log10(1001)) transmits, 3 per 200 ms gossip round: 6 rounds.
        assertThat(bounds.retransmitLimit()).isEqualTo(16);
        assertThat(bounds.dissemination()).isEqualTo(Duration.ofMillis(1_200));
        // 4 × log10(1000) probe intervals of 1 s; six times that without confirmations.
        assertThat(bounds.suspicion()).isEqualTo(Duration.ofSeconds(12));
        assertThat(bounds.deathSpread()).isEqualTo(Duration.ofMillis(15_200));
        assertThat(bounds.slowestDeathSpread()).isEqualTo(Duration.ofMillis(75_200));
    }
}
