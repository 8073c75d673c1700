package dev.memberlist.spring.autoconfigure.kubernetes;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.kubernetes.KubernetesAddressResolver;
import dev.memberlist.spring.lifecycle.JoinState;
import dev.memberlist.spring.lifecycle.MemberlistLifecycle;
import dev.memberlist.transport.AddressResolver;
import dev.memberlist.transport.DnsAddressResolver;
import dev.memberlist.transport.Transport;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesDiscoveryAutoConfigurationTest {

    static KubernetesClient client;

    // The mock client is shared by the class: the context must not close it.
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubernetesDiscoveryAutoConfiguration.class,
                    MemberlistAutoConfiguration.class))
            .withBean(KubernetesClient.class, () -> client, definition -> definition.setDestroyMethodName(""))
            .withPropertyValues("memberlist.name=app", "memberlist.profile=local", "memberlist.transport.bind-address=127.0.0.1",
                    "memberlist.transport.bind-port=0", "memberlist.join.initial-backoff=100ms", "memberlist.join.max-backoff=1s",
                    "memberlist.discovery.kubernetes.enabled=true");

    @Test
    void runShouldJoinThePodsTheApiLists() {
        try (Memberlist peer = Memberlist.create(MemberlistConfig.local().name("peer").bindAddress("127.0.0.1")
                .bindPort(0).build())) {
            client.pods().inNamespace("gossip").resource(new PodBuilder().withNewMetadata().withName("peer-0")
                    .addToLabels("app", "gossip").endMetadata()
                    .withNewSpec().addNewContainer().withName("app").addNewPort().withName("memberlist")
                    .withContainerPort(peer.localNode().port()).endPort().endContainer().endSpec()
                    .withNewStatus().withPhase("Running").withPodIP("127.0.0.1").endStatus().build()).create();

            contextRunner.withPropertyValues("memberlist.discovery.kubernetes.namespace=gossip",
                    "memberlist.discovery.kubernetes.label-selector=app=gossip").run(context -> {
                        Memberlist memberlist = context.getBean(Memberlist.class);
                        await().atMost(Duration.ofSeconds(30)).until(() -> memberlist.numMembers() == 2);
                        await().atMost(Duration.ofSeconds(30)).until(() ->
                                context.getBean(MemberlistLifecycle.class).joinState() == JoinState.JOINED);
                        assertThat(memberlist.config().addressResolver()).isInstanceOf(KubernetesAddressResolver.class);
                    });
        }
    }

    @Test
    void runWithoutNamespaceShouldUseTheClientsNamespace() {
        isolated().withPropertyValues("memberlist.discovery.kubernetes.service-name=gossip").run(context ->
                assertThat(context.getBean(KubernetesAddressResolver.class).seed())
                        .isEqualTo("kubernetes:" + client.getNamespace() + "/services/gossip"));
    }

    @Test
    void runWithNeitherSelectorNorServiceShouldFailNamingTheProperty() {
        isolated().run(context -> assertThat(failure(context.getStartupFailure()).getName())
                .isEqualTo("memberlist.discovery.kubernetes.label-selector"));
    }

    @Test
    void runWithBothSelectorAndServiceShouldFailNamingTheProperty() {
        isolated().withPropertyValues("memberlist.discovery.kubernetes.label-selector=app=gossip",
                "memberlist.discovery.kubernetes.service-name=gossip").run(context -> {
                    InvalidConfigurationPropertyValueException failure = failure(context.getStartupFailure());
                    assertThat(failure.getName()).isEqualTo("memberlist.discovery.kubernetes.label-selector");
                    assertThat(failure.getReason()).contains("memberlist.discovery.kubernetes.service-name");
                });
    }

    @Test
    void runWithAPortOutOfRangeShouldFailNamingTheProperty() {
        isolated().withPropertyValues("memberlist.discovery.kubernetes.label-selector=app=gossip",
                "memberlist.discovery.kubernetes.port=70000").run(context ->
                        assertThat(failure(context.getStartupFailure()).getName())
                                .isEqualTo("memberlist.discovery.kubernetes.port"));
    }

    @Test
    void runWhenDisabledShouldNotCreateTheResolver() {
        isolated().withPropertyValues("memberlist.discovery.kubernetes.enabled=false").run(context ->
                assertThat(context).hasSingleBean(Memberlist.class).doesNotHaveBean(KubernetesAddressResolver.class));
    }

    @Test
    void runWithoutTheFabric8ClientShouldNotCreateTheResolver() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubernetesDiscoveryAutoConfiguration.class,
                        MemberlistAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader("io.fabric8"))
                .withBean(Transport.class, IsolatedTransport::new)
                .withPropertyValues("memberlist.name=app", "memberlist.discovery.kubernetes.enabled=true",
                        "memberlist.discovery.kubernetes.label-selector=app=gossip")
                .run(context -> assertThat(context).hasSingleBean(Memberlist.class)
                        .doesNotHaveBean("memberlistKubernetesAddressResolver"));
    }

    @Test
    void runWhenTheApplicationDefinesAnAddressResolverShouldBackOff() {
        isolated().withBean(AddressResolver.class, () -> DnsAddressResolver.INSTANCE)
                .withPropertyValues("memberlist.discovery.kubernetes.label-selector=app=gossip")
                .run(context -> assertThat(context).doesNotHaveBean(KubernetesAddressResolver.class)
                        .hasSingleBean(AddressResolver.class));
    }

    private ApplicationContextRunner isolated() {
        return contextRunner.withBean(Transport.class, IsolatedTransport::new);
    }

    private static InvalidConfigurationPropertyValueException failure(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("startup failure").isInstanceOf(InvalidConfigurationPropertyValueException.class);
        return (InvalidConfigurationPropertyValueException) cause;
    }
}
