package dev.memberlist.spring.cloud;

import dev.memberlist.Memberlist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two applications on loopback, on ports the OS picks, find each other through Spring Cloud's
 * {@link DiscoveryClient} with no code of their own, and one calls the other by service id through
 * a load-balanced {@link RestClient}.
 */
class MemberlistDiscoveryClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void closeAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoApplicationsFindEachOtherAndOneCallsTheOtherByServiceId() {
        ConfigurableApplicationContext orders = start("orders", null);
        String seed = "127.0.0.1:" + orders.getBean(Memberlist.class).localNode().port();
        ConfigurableApplicationContext billing = start("billing", seed);
        DiscoveryClient discovery = billing.getBean(DiscoveryClient.class);

        await().atMost(TIMEOUT).until(() -> discovery.getServices().containsAll(List.of("orders", "billing")));
        List<ServiceInstance> instances = discovery.getInstances("orders");
        assertThat(instances).singleElement().satisfies(instance -> {
            assertThat(instance.getInstanceId()).isEqualTo("orders-node");
            assertThat(instance.getHost()).isEqualTo("127.0.0.1");
            assertThat(instance.getPort()).isEqualTo(httpPort(orders)).isNotZero();
            assertThat(instance.getUri().toString()).isEqualTo("http://127.0.0.1:" + httpPort(orders));
            assertThat(instance.getMetadata()).containsEntry("service-id", "orders").containsEntry("zone", "orders-zone");
        });

        String answer = billing.getBean(RestClient.Builder.class).build().get().uri("http://orders/whoami")
                .retrieve().body(String.class);

        assertThat(answer).isEqualTo("orders on " + httpPort(orders));
    }

    private ConfigurableApplicationContext start(String name, String seed) {
        List<String> properties = new ArrayList<>(List.of("spring.application.name=" + name, "server.port=0",
                "server.address=127.0.0.1", "spring.main.banner-mode=off", "memberlist.name=" + name + "-node",
                "memberlist.profile=local", "memberlist.transport.bind-address=127.0.0.1", "memberlist.transport.bind-port=0",
                "memberlist.meta.zone=" + name + "-zone", "memberlist.leave-timeout=2s",
                // WebClient is on the test class path; the load balancer takes the blocking path, as without it.
                "spring.cloud.discovery.reactive.enabled=false"));
        if (seed != null) {
            properties.add("memberlist.join.seeds=" + seed);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ServiceApplication.class)
                .properties(properties.toArray(String[]::new)).run();
        contexts.add(context);
        return context;
    }

    private static int httpPort(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ServiceApplication {

        @Bean
        @LoadBalanced
        RestClient.Builder loadBalancedRestClientBuilder() {
            return RestClient.builder();
        }

        @Bean
        WhoAmIController whoAmIController(Environment environment) {
            return new WhoAmIController(environment);
        }
    }

    @RestController
    static class WhoAmIController {

        private final Environment environment;

        WhoAmIController(Environment environment) {
            this.environment = environment;
        }

        @GetMapping("/whoami")
        String whoAmI() {
            return environment.getProperty("spring.application.name") + " on " + environment.getProperty("local.server.port");
        }
    }
}
