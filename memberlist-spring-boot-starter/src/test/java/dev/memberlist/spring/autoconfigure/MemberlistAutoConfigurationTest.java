package dev.memberlist.spring.autoconfigure;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.AliveDelegate;
import dev.memberlist.delegate.ConflictDelegate;
import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.delegate.MergeDelegate;
import dev.memberlist.delegate.PingDelegate;
import dev.memberlist.delegate.Verdict;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.autoconfigure.endpoint.MemberlistEndpointAutoConfiguration;
import dev.memberlist.spring.autoconfigure.health.MemberlistHealthContributorAutoConfiguration;
import dev.memberlist.spring.autoconfigure.metrics.MemberlistMetricsAutoConfiguration;
import dev.memberlist.spring.event.EventPublishingDelegate;
import dev.memberlist.spring.event.MemberJoinedEvent;
import dev.memberlist.spring.event.MemberlistEvent;
import dev.memberlist.spring.lifecycle.JoinBackoff;
import dev.memberlist.spring.lifecycle.JoinListener;
import dev.memberlist.spring.lifecycle.JoinState;
import dev.memberlist.spring.lifecycle.MemberlistLifecycle;
import dev.memberlist.spring.lifecycle.MemberlistNodeLifecycle;
import dev.memberlist.spring.actuate.endpoint.RoundTripTimes;
import dev.memberlist.spring.lifecycle.SeedJoiner;
import dev.memberlist.spring.metadata.LocalNodeMetadata;
import dev.memberlist.spring.metadata.NodeMetadata;
import dev.memberlist.spring.metrics.MemberlistMetrics;
import dev.memberlist.transport.AddressResolver;
import dev.memberlist.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MemberlistAutoConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
            .withBean(IsolatedTransport.class, IsolatedTransport::new)
            .withBean(JoinedListener.class)
            .withPropertyValues("memberlist.name=solo");

    @Test
    void runShouldCreateAndStartMemberlist() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(Memberlist.class).hasSingleBean(MemberlistLifecycle.class)
                    .hasSingleBean(MemberlistNodeLifecycle.class).hasSingleBean(MemberlistConfig.class)
                    .hasSingleBean(EventPublishingDelegate.class);
            Memberlist memberlist = context.getBean(Memberlist.class);
            assertThat(memberlist.isStarted()).isTrue();
            assertThat(memberlist.localNode().name()).isEqualTo("solo");
            assertThat(memberlist.localNode().socketAddress()).isEqualTo(IsolatedTransport.ADDRESS);
            assertThat(context.getBean(MemberlistLifecycle.class).joinState()).isEqualTo(JoinState.NOT_REQUESTED);
        });
    }

    @Test
    void runWhenContextClosesShouldShutDownMemberlistAndCloseItsTransport() {
        IsolatedTransport transport = new IsolatedTransport();
        CompletableFuture<Memberlist> node = new CompletableFuture<>();
        contextRunner.withAllowBeanDefinitionOverriding(true).withBean(IsolatedTransport.class, () -> transport)
                .run(context -> node.complete(context.getBean(Memberlist.class)));

        assertThat(node.join().isShutdown()).isTrue();
        assertThat(transport.closes()).isPositive();
    }

    @Test
    void runWhenContextStopsAndStartsShouldLeaveShutDownAndStartANewNode() {
        contextRunner.withPropertyValues("memberlist.leave-timeout=1s", "spring.application.name=orders").run(context -> {
            Memberlist memberlist = context.getBean(Memberlist.class);
            IsolatedTransport transport = context.getBean(IsolatedTransport.class);
            long firstIncarnation = memberlist.localNode().incarnation();
            // What HttpPortMetadataPublisher does once the web server is bound.
            context.getBean(LocalNodeMetadata.class).publish(LocalNodeMetadata.HTTP_PORT, "8080");

            context.stop();

            assertThat(memberlist.hasLeft()).isTrue();
            assertThat(memberlist.isShutdown()).isTrue();
            assertThat(transport.closes()).isEqualTo(1);
            assertThat(context.getBean(MemberlistLifecycle.class).isRunning()).isFalse();

            context.start();

            assertThat(memberlist.isShutdown()).isFalse();
            assertThat(memberlist.hasLeft()).isFalse();
            assertThat(memberlist.localNode().name()).isEqualTo("solo");
            assertThat(memberlist.localNode().incarnation()).isGreaterThanOrEqualTo(firstIncarnation);
            assertThat(NodeMetadata.decode(memberlist.localNode().meta())).as("the published metadata outlives the restart")
                    .hasValue(Map.of(LocalNodeMetadata.SERVICE_ID, "orders", LocalNodeMetadata.HTTP_PORT, "8080"));
            assertThat(transport.starts()).isEqualTo(2);
            assertThat(context.getBean(MemberlistLifecycle.class).joinState()).isEqualTo(JoinState.NOT_REQUESTED);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(context.getBean(JoinedListener.class).joined)
                    .containsExactly("solo", "solo"));
        });
    }

    @Test
    void runWhenNodeCannotStartShouldFailStartupWithTheCause() {
        contextRunner.withAllowBeanDefinitionOverriding(true)
                .withBean(IsolatedTransport.class, () -> new IsolatedTransport().failingStart("address in use"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("address in use"));
    }

    @Test
    void runWhenDisabledShouldNotCreateAnything() {
        contextRunner.withPropertyValues("memberlist.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(Memberlist.class).doesNotHaveBean(MemberlistConfig.class)
                .doesNotHaveBean(MemberlistProperties.class).doesNotHaveBean(EventPublishingDelegate.class));
    }

    @Test
    void runWhenUserDefinesMemberlistShouldBackOffEntirely() {
        new ApplicationContextRunner().withUserConfiguration(UserMemberlistConfiguration.class, ImportedAutoConfigurations.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("management.endpoints.web.exposure.include=*")
                .run(context -> {
                    assertThat(context).hasSingleBean(Memberlist.class).doesNotHaveBean(MemberlistConfig.class)
                            .doesNotHaveBean(MemberlistLifecycle.class).doesNotHaveBean(MemberlistNodeLifecycle.class)
                            .doesNotHaveBean(EventPublishingDelegate.class).doesNotHaveBean(MemberlistProperties.class)
                            .doesNotHaveBean("memberlistEndpoint").doesNotHaveBean("memberlistHealthIndicator")
                            .doesNotHaveBean("memberlistMetrics");
                    Memberlist memberlist = context.getBean(Memberlist.class);
                    assertThat(memberlist.config().name()).isEqualTo("user-defined");
                    assertThat(memberlist.isStarted()).as("the application runs its own node").isFalse();
                });
    }

    @Test
    void runWhenUserDefinesConfigShouldStillPublishEventsMeasureAndTimeRoundTrips() {
        new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
                .withBean(Transport.class, IsolatedTransport::new)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(MemberlistConfig.class, () -> MemberlistConfig.local().name("from-bean").build())
                .withBean(JoinedListener.class)
                .withPropertyValues("management.endpoints.web.exposure.include=memberlist")
                .run(context -> {
                    Memberlist memberlist = context.getBean(Memberlist.class);
                    assertThat(memberlist.localNode().name()).isEqualTo("from-bean");
                    assertThat(memberlist.isStarted()).isTrue();
                    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                            assertThat(context.getBean(JoinedListener.class).joined).containsExactly("from-bean"));
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    context.getBean(MemberlistMetrics.class).bindTo(registry);
                    memberlist.config().telemetry().probeRtt("peer", Duration.ofMillis(3));
                    assertThat(context.getBean(RoundTripTimes.class).lastRttMillis("peer")).hasValue(3);
                    assertThat(registry.get("memberlist.probe.rtt").timer().count()).isEqualTo(1);
                    assertThat(registry.get("memberlist.members").tag("state", "alive").gauge().value()).isEqualTo(1);
                });
    }

    @Test
    void runWhenUserDefinesLifecycleShouldBackOff() {
        contextRunner.withBean("customLifecycle", MemberlistLifecycle.class, () -> new MemberlistLifecycle(
                        Memberlist.prepare(MemberlistConfig.local().name("other").build(), new IsolatedTransport()),
                        new SeedJoiner(List.of(), new JoinBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                                new JoinListener() {
                                    @Override
                                    public void joinSucceeded(int reached, int attempt) {
                                    }

                                    @Override
                                    public void joinFailed(Throwable cause, int attempt) {
                                    }
                                }), Duration.ofSeconds(1)))
                .run(context -> assertThat(context).getBeanNames(MemberlistLifecycle.class).containsExactly("customLifecycle"));
    }

    @Test
    void runShouldApplyDelegateBeans() {
        contextRunner.withUserConfiguration(DelegatesConfiguration.class).run(context -> {
            MemberlistConfig config = context.getBean(MemberlistConfig.class);
            Node peer = peer("peer");
            assertThat(config.delegates().notifyAlive(peer).rejection()).contains("alive filter");
            assertThat(config.delegates().notifyMerge(List.of(peer)).rejection()).contains("merge filter");
            assertThat(config.delegates().localState(true)).containsExactly(42);
            assertThat(config.delegates().ackPayload()).containsExactly(7);
            assertThat(config.addressResolver()).isSameAs(DelegatesConfiguration.RESOLVER);
            config.delegates().notifyMessage(new byte[] {1, 2});
            config.delegates().notifyConflict(peer, peer("impostor"));
            config.telemetry().nodeSuspected("peer");
            Recorder recorder = context.getBean(Recorder.class);
            assertThat(recorder.calls).contains("message 2 bytes", "conflict peer/impostor", "suspected peer");
        });
    }

    @Test
    void runShouldHandEventsToEveryEventDelegateBeanAndPublishThem() {
        contextRunner.withUserConfiguration(EventsConfiguration.class).run(context -> {
            EventsConfiguration events = context.getBean(EventsConfiguration.class);
            assertThat(events.calls).contains("first joined solo", "second joined solo");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.published)
                    .anySatisfy(event -> assertThat(((MemberJoinedEvent) event).getMember().name()).isEqualTo("solo")));
        });
    }

    @Test
    void runShouldApplyCustomizersInOrderAfterProperties() {
        contextRunner.withPropertyValues("memberlist.gossip.nodes=5")
                .withUserConfiguration(CustomizersConfiguration.class)
                .run(context -> {
                    assertThat(context.getBean(CustomizersConfiguration.class).order).containsExactly("first", "second");
                    assertThat(context.getBean(MemberlistConfig.class).gossipNodes()).isEqualTo(7);
                });
    }

    @Test
    void runWhenMetaIsSetShouldAnnounceItAsNodeMetadata() {
        contextRunner.withPropertyValues("memberlist.meta.zone=eu-west-1a", "memberlist.meta.role=web & api")
                .run(context -> {
                    byte[] meta = context.getBean(Memberlist.class).localNode().meta();
                    assertThat(new String(meta, StandardCharsets.UTF_8))
                            .isEqualTo("role=web+%26+api&service-id=application&zone=eu-west-1a");
                    assertThat(NodeMetadata.decode(meta)).contains(Map.of("zone", "eu-west-1a", "role", "web & api",
                            "service-id", "application"));
                });
    }

    @Test
    void runShouldPublishTheApplicationNameAsServiceIdUnlessMetaSetsOne() {
        contextRunner.withPropertyValues("spring.application.name=orders").run(context ->
                assertThat(NodeMetadata.decode(context.getBean(Memberlist.class).localNode().meta()))
                        .contains(Map.of("service-id", "orders")));
        contextRunner.withPropertyValues("spring.application.name=orders", "memberlist.meta.service-id=billing")
                .run(context -> assertThat(NodeMetadata.decode(context.getBean(Memberlist.class).localNode().meta()))
                        .contains(Map.of("service-id", "billing")));
    }

    @Test
    void runWhenMetaIsSetShouldOverrideTheDelegateBeansMetadata() {
        contextRunner.withPropertyValues("memberlist.meta.zone=a")
                .withBean(Delegate.class, () -> new Delegate() {
                    @Override
                    public byte[] nodeMeta(int limit) {
                        return new byte[] {9};
                    }
                })
                .run(context -> assertThat(context.getBean(Memberlist.class).localNode().meta())
                        .isEqualTo("service-id=application&zone=a".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void runWhenTheDelegateBeanSuppliesMetadataAndMetaIsNotSetShouldKeepTheBeansMetadata() {
        contextRunner.withPropertyValues("spring.application.name=orders")
                .withBean(Delegate.class, () -> new Delegate() {
                    @Override
                    public byte[] nodeMeta(int limit) {
                        return new byte[] {9};
                    }
                })
                .run(context -> assertThat(context.getBean(Memberlist.class).localNode().meta()).containsExactly(9));
    }

    @Test
    void runWhenTheDelegateBeanSuppliesNoMetadataShouldStillPublishTheServiceId() {
        // A Delegate for messages or broadcasts only, as the sample app's chat, leaves metadata to the starter.
        contextRunner.withPropertyValues("spring.application.name=orders")
                .withBean(Delegate.class, () -> new Delegate() { })
                .run(context -> assertThat(NodeMetadata.decode(context.getBean(Memberlist.class).localNode().meta()))
                        .hasValue(Map.of("service-id", "orders")));
    }

    @Test
    void runWithoutActuatorShouldStillCreateMemberlist() {
        // Imported as an application imports them, so that classes are checked before conditions load.
        new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
                .withBean(Transport.class, IsolatedTransport::new)
                .withPropertyValues("management.endpoints.web.exposure.include=*")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health",
                        "io.micrometer"))
                .run(context -> {
                    assertThat(context).hasSingleBean(Memberlist.class).hasSingleBean(MemberlistLifecycle.class)
                            .doesNotHaveBean("memberlistSecretKeysSanitizingFunction")
                            .doesNotHaveBean("memberlistEndpoint").doesNotHaveBean("memberlistHealthIndicator")
                            .doesNotHaveBean("memberlistMetrics");
                    assertThat(context.getBean(Memberlist.class).isStarted()).isTrue();
                });
    }

    @Test
    void runWithActuatorShouldCreateEveryPart() {
        new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
                .withBean(Transport.class, IsolatedTransport::new)
                .withBean(MeterRegistry.class,
                        SimpleMeterRegistry::new)
                .withPropertyValues("management.endpoints.web.exposure.include=*")
                .run(context -> assertThat(context).hasBean("memberlistSecretKeysSanitizingFunction")
                        .hasBean("memberlistEndpoint").hasBean("memberlistHealthIndicator").hasBean("memberlistMetrics"));
    }

    @Test
    void runShouldSanitizeSecretKeysInActuatorEndpoints() {
        contextRunner.run(context -> {
            SanitizingFunction function = context.getBean("memberlistSecretKeysSanitizingFunction", SanitizingFunction.class);
            assertThat(sanitize(function, "memberlist.encryption.secret-keys[0]")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitize(function, "MEMBERLIST_ENCRYPTION_SECRETKEYS_0_")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitize(function, "memberlist.encryption.secretKeys")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitize(function, "memberlist.cluster.label")).isEqualTo("value");
        });
    }

    private static Object sanitize(SanitizingFunction function, String key) {
        return function.applyUnlessFiltered(new SanitizableData(null, key, "value")).getValue();
    }

    static Node peer(String name) {
        return new Node(name, InetAddress.getLoopbackAddress(), 7946, new byte[0], NodeState.ALIVE, 1,
                ProtocolVersions.advertised(2, 0, 0, 0));
    }

    static class JoinedListener {

        final List<String> joined = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MemberJoinedEvent event) {
            joined.add(event.getMember().name());
        }
    }

    @ImportAutoConfiguration({ MemberlistAutoConfiguration.class, MemberlistEndpointAutoConfiguration.class,
            MemberlistHealthContributorAutoConfiguration.class, MemberlistMetricsAutoConfiguration.class })
    static class ImportedAutoConfigurations {
    }

    @Configuration(proxyBeanMethods = false)
    static class UserMemberlistConfiguration {

        @Bean
        Memberlist userMemberlist() {
            return Memberlist.prepare(MemberlistConfig.local().name("user-defined").build(), new IsolatedTransport());
        }
    }

    static class Recorder {

        final List<String> calls = new CopyOnWriteArrayList<>();
    }

    @Configuration(proxyBeanMethods = false)
    static class DelegatesConfiguration {

        static final AddressResolver RESOLVER = (seed, port) -> CompletableFuture.completedFuture(
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        AliveDelegate aliveFilter() {
            return peer -> peer.name().equals("solo") ? Verdict.accept() : Verdict.reject("alive filter");
        }

        @Bean
        MergeDelegate mergeFilter() {
            return peers -> Verdict.reject("merge filter");
        }

        @Bean
        Delegate userState(Recorder recorder) {
            return new Delegate() {
                @Override
                public byte[] localState(boolean join) {
                    return new byte[] {42};
                }

                @Override
                public void notifyMessage(byte[] message) {
                    recorder.calls.add("message " + message.length + " bytes");
                }
            };
        }

        @Bean
        ConflictDelegate conflictHandler(Recorder recorder) {
            return (existing, other) -> recorder.calls.add("conflict " + existing.name() + "/" + other.name());
        }

        @Bean
        PingDelegate pingPayload() {
            return new PingDelegate() {
                @Override
                public byte[] ackPayload() {
                    return new byte[] {7};
                }
            };
        }

        @Bean
        Telemetry telemetry(Recorder recorder) {
            return new Telemetry() {
                @Override
                public void nodeSuspected(String node) {
                    recorder.calls.add("suspected " + node);
                }
            };
        }

        @Bean
        AddressResolver resolver() {
            return RESOLVER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EventsConfiguration {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<MemberlistEvent> published = new CopyOnWriteArrayList<>();

        @Bean
        @Order(1)
        EventDelegate first() {
            return new EventDelegate() {
                @Override
                public void notifyJoin(Node node) {
                    calls.add("first joined " + node.name());
                    throw new IllegalStateException("a failing delegate must not hide the event from the others");
                }
            };
        }

        @Bean
        @Order(2)
        EventDelegate second() {
            return new EventDelegate() {
                @Override
                public void notifyJoin(Node node) {
                    calls.add("second joined " + node.name());
                }
            };
        }

        @EventListener
        void on(MemberJoinedEvent event) {
            published.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizersConfiguration {

        final List<String> order = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        MemberlistConfigCustomizer second() {
            return builder -> {
                order.add("second");
                builder.gossipNodes(7);
            };
        }

        @Bean
        @Order(1)
        MemberlistConfigCustomizer first() {
            return builder -> {
                order.add("first");
                builder.gossipNodes(6);
            };
        }
    }
}
