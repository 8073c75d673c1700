package dev.memberlist.spring.autoconfigure;

import dev.memberlist.Cidr;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.diagnostics.InvalidSecretKeyException;
import dev.memberlist.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistPropertiesTest {

    // Function-valued components have no meaningful equality.
    private static final Set<String> NOT_COMPARABLE = Set.of("disableTcpPingsForNode", "delegates", "telemetry",
            "addressResolver");

    private static final String KEY_1 = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
    private static final String KEY_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba98".getBytes());

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
            .withBean(Transport.class, IsolatedTransport::new);

    @Test
    void defaultsEqualTheLanPreset() {
        contextRunner.run(context -> assertSameKnobs(context.getBean(MemberlistConfig.class), MemberlistConfig.lan().build()));
    }

    @Test
    void profileSuppliesTheKnobsLeftUnset() {
        contextRunner.withPropertyValues("memberlist.profile=wan", "memberlist.probe.timeout=1s").run(context -> {
            MemberlistConfig config = context.getBean(MemberlistConfig.class);
            MemberlistConfig wan = MemberlistConfig.wan().build();
            assertThat(config.probeInterval()).isEqualTo(wan.probeInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(config.gossipNodes()).isEqualTo(wan.gossipNodes());
            assertThat(config.probeTimeout()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void bindsEveryKnob() {
        contextRunner.withPropertyValues("memberlist.profile=local", "memberlist.name=n1",
                "memberlist.transport.bind-address=127.0.0.1", "memberlist.transport.bind-port=0",
                "memberlist.transport.advertise-address=192.0.2.7", "memberlist.transport.advertise-port=7000",
                "memberlist.transport.udp.buffer-size=1KB", "memberlist.transport.udp.receive-buffer-size=4MB",
                "memberlist.transport.udp.handoff-queue-depth=2048", "memberlist.transport.tcp.timeout=3s",
                "memberlist.transport.tcp.max-inbound-streams=64",
                "memberlist.cluster.label=prod", "memberlist.cluster.inbound-label-required=false",
                "memberlist.cluster.allowed-cidrs=10.0.0.0/8,fd00::/8", "memberlist.cluster.require-node-names=true",
                "memberlist.cluster.dead-node-reclaim-time=1m",
                "memberlist.protocol.version=3", "memberlist.protocol.delegate-version=2",
                "memberlist.protocol.delegate-min=1", "memberlist.protocol.delegate-max=3",
                "memberlist.probe.indirect-checks=2", "memberlist.probe.interval=2s", "memberlist.probe.timeout=700ms",
                "memberlist.probe.tcp-fallback.enabled=false", "memberlist.probe.tcp-fallback.excluded-nodes=old-1,old-2",
                "memberlist.probe.awareness-max-multiplier=9",
                "memberlist.suspicion.multiplier=6", "memberlist.suspicion.max-timeout-multiplier=7",
                "memberlist.gossip.retransmit-multiplier=5", "memberlist.gossip.interval=300ms",
                "memberlist.gossip.nodes=5", "memberlist.gossip.to-the-dead-time=40s", "memberlist.gossip.eager=false",
                "memberlist.gossip.queue-check-interval=10s", "memberlist.push-pull.interval=20s",
                "memberlist.encryption.verify-incoming=false", "memberlist.encryption.verify-outgoing=false",
                "memberlist.encryption.secret-keys=" + KEY_1 + "," + KEY_2, "memberlist.compression.enabled=false",
                "memberlist.reconnect.interval=5s", "memberlist.reconnect.timeout=1h")
                .run(context -> {
                    MemberlistConfig c = context.getBean(MemberlistConfig.class);
                    assertThat(c.name()).isEqualTo("n1");
                    assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
                    assertThat(c.bindPort()).isZero();
                    assertThat(c.advertiseAddress()).contains("192.0.2.7");
                    assertThat(c.advertisePort()).isEqualTo(7000);
                    assertThat(c.label()).isEqualTo("prod");
                    assertThat(c.skipInboundLabelCheck()).isTrue();
                    assertThat(c.protocolVersion()).isEqualTo(3);
                    assertThat(List.of(c.delegateProtocolVersion(), c.delegateProtocolMin(), c.delegateProtocolMax()))
                            .containsExactly(2, 1, 3);
                    assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(List.of(c.indirectChecks(), c.retransmitMult(), c.suspicionMult(), c.suspicionMaxTimeoutMult()))
                            .containsExactly(2, 5, 6, 7);
                    assertThat(List.of(c.pushPullInterval(), c.probeInterval(), c.probeTimeout())).containsExactly(
                            Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMillis(700));
                    assertThat(c.disableTcpPings()).isTrue();
                    assertThat(c.disableTcpPingsForNode().test("old-2")).isTrue();
                    assertThat(c.disableTcpPingsForNode().test("new")).isFalse();
                    assertThat(c.awarenessMaxMultiplier()).isEqualTo(9);
                    assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(300));
                    assertThat(c.gossipNodes()).isEqualTo(5);
                    assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(40));
                    assertThat(c.eagerGossip()).isFalse();
                    assertThat(List.of(c.gossipVerifyIncoming(), c.gossipVerifyOutgoing(), c.enableCompression()))
                            .containsOnly(false);
                    assertThat(c.keyring()).hasValueSatisfying(keyring -> {
                        assertThat(keyring.primaryKey()).isEqualTo(Base64.getDecoder().decode(KEY_1));
                        assertThat(keyring.keys()).hasSize(2);
                    });
                    assertThat(c.handoffQueueDepth()).isEqualTo(2048);
                    assertThat(c.udpBufferSize()).isEqualTo(1024);
                    assertThat(c.udpReceiveBufferSize()).isEqualTo(4 * 1024 * 1024);
                    assertThat(c.deadNodeReclaimTime()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(c.requireNodeNames()).isTrue();
                    assertThat(c.cidrsAllowed()).containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8"));
                    assertThat(List.of(c.queueCheckInterval(), c.reconnectInterval(), c.reconnectTimeout())).containsExactly(
                            Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofHours(1));
                    assertThat(c.maxInboundStreams()).isEqualTo(64);
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "memberlist.gossip.nodes                   | 2000    | must be between 0 and 1024, was 2000",
            "memberlist.probe.timeout                  | 0s      | must be positive, was PT0S",
            "memberlist.probe.interval                 | -1s     | must not be negative, was PT-1S",
            "memberlist.transport.bind-port            | 70000   | must be between 0 and 65535, was 70000",
            "memberlist.transport.udp.buffer-size      | 100B    | must be between 512 and 65507, was 100",
            "memberlist.transport.tcp.max-inbound-streams | 0    | must be between 1 and 65536, was 0",
            "memberlist.protocol.version               | 9       | must be between 1 and 5, was 9",
            "memberlist.protocol.delegate-min          | 3       | must not exceed delegateProtocolMax",
            "memberlist.suspicion.multiplier           | 0       | must be between 1 and 1024, was 0",
            "memberlist.reconnect.timeout              | 0s      | must be positive, was PT0S",
            "memberlist.cluster.allowed-cidrs[0]       | 10.0.0.0/33 | must be an IP network in CIDR notation",
            "memberlist.leave-timeout                  | 0s      | must be positive",
            "memberlist.join.initial-backoff           | 0s      | must be positive",
            "memberlist.join.max-backoff               | 500ms   | must not be shorter than memberlist.join.initial-backoff",
            "memberlist.events.queue-capacity          | 0       | must be at least 1",
    })
    void badValueFailsStartupNamingThePropertyAndTheAllowedRange(String property, String value, String reason) {
        contextRunner.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException failure = cause(context.getStartupFailure(),
                    InvalidConfigurationPropertyValueException.class);
            assertThat(failure.getName()).isEqualTo(property);
            assertThat(failure.getReason()).startsWith(reason);
        });
    }

    @Test
    void blankNameFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues("memberlist.name= ").run(context -> {
            InvalidConfigurationPropertyValueException failure = cause(context.getStartupFailure(),
                    InvalidConfigurationPropertyValueException.class);
            assertThat(failure.getName()).isEqualTo("memberlist.name");
            assertThat(failure.getReason()).isEqualTo("must not be blank");
        });
    }

    @Test
    void labelLongerThan255BytesFailsStartup() {
        contextRunner.withPropertyValues("memberlist.cluster.label=" + "x".repeat(256)).run(context -> {
            InvalidConfigurationPropertyValueException failure = cause(context.getStartupFailure(),
                    InvalidConfigurationPropertyValueException.class);
            assertThat(failure.getName()).isEqualTo("memberlist.cluster.label");
            assertThat(failure.getReason()).isEqualTo("must be at most 255 bytes in UTF-8");
        });
    }

    @Test
    void metaEncodingToMoreThan512BytesFailsStartup() {
        contextRunner.withPropertyValues("memberlist.meta.description=" + "y".repeat(510)).run(context -> {
            InvalidConfigurationPropertyValueException failure = cause(context.getStartupFailure(),
                    InvalidConfigurationPropertyValueException.class);
            assertThat(failure.getName()).isEqualTo("memberlist.meta");
            assertThat(failure.getReason()).isEqualTo("encodes to 522 bytes of node metadata; at most 512 are allowed");
        });
    }

    @Test
    void invalidValueFromACustomizerIsBlamedOnTheCustomizer() {
        contextRunner.withBean(MemberlistConfigCustomizer.class, () -> builder -> builder.gossipNodes(-1)).run(context ->
                assertThat(cause(context.getStartupFailure(), IllegalStateException.class)).hasMessage(
                        "Invalid memberlist configuration: memberlist.gossip.nodes must be between 0 and 1024, was -1 "
                                + "(the value comes from the profile or a MemberlistConfigCustomizer)"));
    }

    @ParameterizedTest
    @CsvSource({ "not base64 at all!!", "c2hvcnQ=", "' '" })
    void invalidSecretKeyFailsStartupWithoutShowingAnyKey(String badKey) {
        contextRunner.withPropertyValues("memberlist.encryption.secret-keys[0]=" + KEY_1,
                "memberlist.encryption.secret-keys[1]=" + badKey)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(cause(context.getStartupFailure(), InvalidSecretKeyException.class).getProperty())
                            .isEqualTo("memberlist.encryption.secret-keys[1]");
                    StringWriter trace = new StringWriter();
                    context.getStartupFailure().printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).contains("Invalid memberlist.encryption.secret-keys[1]: each key must be "
                            + "base64-encoded and decode to 16, 24 or 32 bytes").doesNotContain(KEY_1);
                    if (!badKey.isBlank()) {
                        assertThat(trace.toString()).doesNotContain(badKey);
                    }
                });
    }

    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    static void assertSameKnobs(MemberlistConfig actual, MemberlistConfig expected) throws ReflectiveOperationException {
        for (RecordComponent component : MemberlistConfig.class.getRecordComponents()) {
            if (!NOT_COMPARABLE.contains(component.getName())) {
                assertThat(component.getAccessor().invoke(actual)).as(component.getName())
                        .isEqualTo(component.getAccessor().invoke(expected));
            }
        }
    }
}
