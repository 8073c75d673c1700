package dev.memberlist.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FlagsTest {

    @Test
    void defaultsAreGopeers() {
        Flags flags = Flags.parse(List.of());

        assertThat(flags.string(AgentFlag.NAME)).isEmpty();
        assertThat(flags.string(AgentFlag.BIND)).isEqualTo("127.0.0.1");
        assertThat(flags.integer(AgentFlag.PORT)).isZero();
        assertThat(flags.string(AgentFlag.CONFIG)).isEqualTo("local");
        assertThat(flags.bool(AgentFlag.COMPRESS)).isTrue();
        assertThat(flags.bool(AgentFlag.VERIFY_INCOMING)).isTrue();
        assertThat(flags.bool(AgentFlag.VERIFY_OUTGOING)).isTrue();
        assertThat(flags.bool(AgentFlag.VERBOSE)).isFalse();
        assertThat(flags.duration(AgentFlag.LIFETIME)).isZero();
        assertThat(flags.helpRequested()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-name a1", "--name a1", "-name=a1", "--name=a1"})
    void acceptsEveryGoSpellingOfAValue(String args) {
        assertThat(Flags.parse(List.of(args.split(" "))).string(AgentFlag.NAME)).isEqualTo("a1");
    }

    @Test
    void readsEveryKindOfFlag() {
        Flags flags = Flags.parse(List.of("-port", "7946", "--probe-interval=200ms", "-pushpull-interval", "1m30s",
                "-join", "127.0.0.1:1,127.0.0.1:2", "-meta", "a=b c", "-label=", "-verify-incoming=false", "--compress"));

        assertThat(flags.integer(AgentFlag.PORT)).isEqualTo(7946);
        assertThat(flags.duration(AgentFlag.PROBE_INTERVAL)).isEqualTo(Duration.ofMillis(200));
        assertThat(flags.duration(AgentFlag.PUSHPULL_INTERVAL)).isEqualTo(Duration.ofSeconds(90));
        assertThat(flags.string(AgentFlag.JOIN)).isEqualTo("127.0.0.1:1,127.0.0.1:2");
        assertThat(flags.string(AgentFlag.META)).isEqualTo("a=b c");
        assertThat(flags.string(AgentFlag.LABEL)).isEmpty();
        assertThat(flags.bool(AgentFlag.VERIFY_INCOMING)).isFalse();
        assertThat(flags.bool(AgentFlag.COMPRESS)).isTrue();
    }

    @Test
    void aValueMayStartWithADash() {
        assertThat(Flags.parse(List.of("-meta", "-x-")).string(AgentFlag.META)).isEqualTo("-x-");
    }

    @Test
    void theLastOfARepeatedFlagWins() {
        assertThat(Flags.parse(List.of("-name", "a", "-name", "b")).string(AgentFlag.NAME)).isEqualTo("b");
    }

    @ParameterizedTest
    @CsvSource({"1, true", "t, true", "TRUE, true", "True, true", "0, false", "f, false", "FALSE, false", "False, false"})
    void booleanFlagsTakeGosSpellings(String value, boolean expected) {
        assertThat(Flags.parse(List.of("-compress=" + value)).bool(AgentFlag.COMPRESS)).isEqualTo(expected);
    }

    @Test
    void aBooleanFlagDoesNotTakeTheNextArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> Flags.parse(List.of("-compress", "false")))
                .withMessage("unexpected argument \"false\": every option is a -flag");
    }

    @Test
    void doubleDashEndsTheFlags() {
        assertThat(Flags.parse(List.of("-name", "a", "--")).string(AgentFlag.NAME)).isEqualTo("a");
        assertThatIllegalArgumentException().isThrownBy(() -> Flags.parse(List.of("--", "-name")))
                .withMessageContaining("after --");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--h", "-help", "--help"})
    void helpIsRequestedAsInGo(String flag) {
        assertThat(Flags.parse(List.of("-name", "a", flag)).helpRequested()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-nope|flag provided but not defined: -nope",
        "--nope=1|flag provided but not defined: -nope",
        "-name|flag needs an argument: -name",
        "-port abc|invalid value \"abc\" for flag -port: parse error",
        "-port 1.5|invalid value \"1.5\" for flag -port: parse error",
        "-compress=maybe|invalid value \"maybe\" for flag -compress: parse error",
        "-probe-interval 5|invalid value \"5\" for flag -probe-interval: missing unit in duration \"5\"",
        "-lifetime=1d|invalid value \"1d\" for flag -lifetime: unknown unit \"d\" in duration \"1d\"",
        "---name|bad flag syntax: ---name",
        "-=x|bad flag syntax: -=x",
        "name|unexpected argument \"name\": every option is a -flag",
    })
    void badFlagsAreNamedInGosWords(String args, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Flags.parse(List.of(args.split(" "))))
                .withMessage(message);
    }

    @Test
    void usageListsEveryFlagWithItsDefault() {
        String usage = Flags.usage();

        for (AgentFlag flag : AgentFlag.values()) {
            assertThat(usage).contains("  -" + flag.flagName + (flag.kind == AgentFlag.Kind.BOOL ? "\n" : " "));
        }
        assertThat(usage).contains("(default \"127.0.0.1\")").contains("(default true)")
                .doesNotContain("(default 0)").doesNotContain("(default \"\")");
    }
}
