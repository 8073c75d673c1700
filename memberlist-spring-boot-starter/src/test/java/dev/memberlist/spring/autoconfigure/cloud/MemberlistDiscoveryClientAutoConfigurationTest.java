package dev.memberlist.spring.autoconfigure.cloud;

import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.cloud.MemberlistDiscoveryClient;
import dev.memberlist.spring.cloud.MemberlistReactiveDiscoveryClient;
import dev.memberlist.transport.Transport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.ServiceInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistDiscoveryClientAutoConfigurationTest {

    // The local node stands for the cluster: with an http-port it is an instance of its own service.
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class,
                    MemberlistDiscoveryClientAutoConfiguration.class))
            .withBean(Transport.class, IsolatedTransport::new)
            .withPropertyValues("memberlist.name=orders-0", "spring.application.name=orders",
                    "memberlist.meta.http-port=8080");

    @Test
    void runShouldCreateBlockingAndReactiveClientsThatListTheMembers() {
        contextRunner.run(context -> {
            assertThat(context.getBean(MemberlistDiscoveryClient.class).getServices()).containsExactly("orders");
            List<ServiceInstance> instances = context.getBean(MemberlistReactiveDiscoveryClient.class)
                    .getInstances("orders").collectList().block(Duration.ofSeconds(5));
            assertThat(instances).singleElement().satisfies(instance -> {
                assertThat(instance.getInstanceId()).isEqualTo("orders-0");
                assertThat(instance.getPort()).isEqualTo(8080);
            });
            assertThat(context.getBean(MemberlistReactiveDiscoveryClient.class).getServices().collectList()
                    .block(Duration.ofSeconds(5))).containsExactly("orders");
        });
    }

    @Test
    void runWhenTurnedOffShouldCreateNoClient() {
        contextRunner.withPropertyValues("memberlist.discovery.client.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(MemberlistDiscoveryClient.class).doesNotHaveBean(MemberlistReactiveDiscoveryClient.class));
        contextRunner.withPropertyValues("spring.cloud.discovery.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(MemberlistDiscoveryClient.class).doesNotHaveBean(MemberlistReactiveDiscoveryClient.class));
    }

    @Test
    void runWhenReactiveDiscoveryIsOffShouldCreateOnlyTheBlockingClient() {
        contextRunner.withPropertyValues("spring.cloud.discovery.reactive.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(MemberlistDiscoveryClient.class).doesNotHaveBean(MemberlistReactiveDiscoveryClient.class));
    }

    @Test
    void runWithoutReactorShouldCreateOnlyTheBlockingClient() {
        contextRunner.withClassLoader(new FilteredClassLoader("reactor.core")).run(context -> assertThat(context)
                .hasSingleBean(MemberlistDiscoveryClient.class).doesNotHaveBean(MemberlistReactiveDiscoveryClient.class));
    }

    @Test
    void runWithoutSpringCloudShouldCreateNoClient() {
        contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.cloud")).run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(MemberlistDiscoveryClient.class));
    }
}
