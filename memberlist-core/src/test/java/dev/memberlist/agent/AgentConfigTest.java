package dev.memberlist.agent;

import dev.memberlist.MemberlistConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentConfigTest {

    private static MemberlistConfig config(String... args) {
        return AgentConfig.builder(Flags.parse(List.of(args))).name("n").build();
    }

    @Test
    void withoutFlagsIsTheLocalPresetOnLoopbackWithAFreePort() {
        MemberlistConfig config = config();
        MemberlistConfig local = MemberlistConfig.local().name("n").build();

        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.bindPort()).isZero();
        assertThat(config.probeInterval()).isEqualTo(local.probeInterval());
        assertThat(config.gossipInterval()).isEqualTo(local.gossipInterval());
        assertThat(config.retransmitMult()).isEqualTo(local.retransmitMult());
        assertThat(config.enableCompression()).isTrue();
        assertThat(config.eagerGossip()).isTrue();
        assertThat(config.encryptionEnabled()).isFalse();
        assertThat(config.advertiseAddress()).isEmpty();
    }

    @Test
    void presetsAreChosenByName() {
        assertThat(config("-config", "wan").probeInterval()).isEqualTo(MemberlistConfig.wan().build().probeInterval());
        assertThat(config("-config", "lan").gossipInterval()).isEqualTo(MemberlistConfig.lan().build().gossipInterval());
        assertThatIllegalArgumentException().isThrownBy(() -> config("-config", "moon"))
                .withMessage("unknown -config \"moon\" (lan, wan or local)");
    }

    @Test
    void positiveOverridesReplaceThePresetAndZeroKeepsIt() {
        MemberlistConfig config = config("-probe-interval", "200ms", "-probe-timeout", "0s", "-gossip-interval", "50ms",
                "-pushpull-interval", "2s", "-gossip-nodes", "5", "-suspicion-mult", "0", "-retransmit-mult", "7",
                "-indirect-checks", "2", "-protocol-version", "4");

        assertThat(config.probeInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.probeTimeout()).isEqualTo(MemberlistConfig.local().build().probeTimeout());
        assertThat(config.gossipInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.pushPullInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.gossipNodes()).isEqualTo(5);
        assertThat(config.suspicionMult()).isEqualTo(MemberlistConfig.local().build().suspicionMult());
        assertThat(config.retransmitMult()).isEqualTo(7);
        assertThat(config.indirectChecks()).isEqualTo(2);
        assertThat(config.protocolVersion()).isEqualTo(4);
    }

    @Test
    void switchesAndAddressesArePassedOn() {
        MemberlistConfig config = config("-compress=false", "-eager-gossip=false", "-verify-incoming=false", "-verify-outgoing=0",
                "-bind", "127.0.0.2", "-port", "7000", "-advertise", "10.0.0.1", "-label", "blue");

        assertThat(config.enableCompression()).isFalse();
        assertThat(config.eagerGossip()).isFalse();
        assertThat(config.gossipVerifyIncoming()).isFalse();
        assertThat(config.gossipVerifyOutgoing()).isFalse();
        assertThat(config.bindAddress()).isEqualTo("127.0.0.2");
        assertThat(config.bindPort()).isEqualTo(7000);
        assertThat(config.advertiseAddress()).contains("10.0.0.1");
        assertThat(config.label()).isEqualTo("blue");
    }

    @Test
    void aBase64KeyTurnsOnEncryption() {
        byte[] key = new byte[32];
        key[0] = 7;

        MemberlistConfig config = config("-key", Base64.getEncoder().encodeToString(key));

        assertThat(config.keyring()).hasValueSatisfying(keyring -> assertThat(keyring.primaryKey()).isEqualTo(key));
    }

    @Test
    void badKeysAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> config("-key", "not base64!"))
                .withMessageStartingWith("-key is not base64");
        assertThatIllegalArgumentException().isThrownBy(() -> config("-key", Base64.getEncoder().encodeToString(new byte[10])))
                .withMessage("-key must decode to 16, 24 or 32 bytes, not 10");
    }

    @Test
    void metadataIsLimitedTo512Bytes() {
        assertThat(AgentConfig.meta(Flags.parse(List.of("-meta", "\u00e9".repeat(256))))).hasSize(512);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AgentConfig.meta(Flags.parse(List.of("-meta", "x".repeat(513)))))
                .withMessage("-meta is longer than 512 bytes");
    }
}
