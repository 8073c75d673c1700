package dev.memberlist.spring;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.event.JoinFailedEvent;
import dev.memberlist.spring.event.JoinSucceededEvent;
import dev.memberlist.spring.health.MemberlistHealthIndicator;
import dev.memberlist.transport.AddressResolver;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the application settings of {@code docs/kubernetes.md}, read from the document itself, on
 * two applications whose seed (the headless service's name) resolves to nothing for the first
 * seconds, as before the pods are listed. Only what cannot hold on one machine is replaced:
 * loopback addresses, ports the OS picks, and a resolver seam instead of the cluster's DNS.
 */
class KubernetesDocumentationIT {

    private static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."), "..", "docs", "kubernetes.md");
    private static final String SEED = "orders-gossip.shop.svc.cluster.local";
    private static final Duration UNRESOLVED_FOR = Duration.ofSeconds(4);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void closeAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoPodsFindEachOtherOnceTheirSeedResolvesAndStayHealthyMeanwhile() throws Exception {
        LateSeed seed = new LateSeed();
        ConfigurableApplicationContext first = start("orders-0", seed);
        ConfigurableApplicationContext second = start("orders-1", seed);

        await().during(UNRESOLVED_FOR).atMost(UNRESOLVED_FOR.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> healthyAndLooking(first) && healthyAndLooking(second));
        assertThat(first.getBean(JoinEvents.class).failed).extracting(JoinFailedEvent::getAttempt)
                .startsWith(1, 2, 3);
        assertThat(first.getBean(JoinEvents.class).failed.get(0).getCause()).hasMessageContaining(SEED);

        seed.list(first, second);

        for (ConfigurableApplicationContext pod : List.of(first, second)) {
            JoinEvents events = pod.getBean(JoinEvents.class);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                List<JoinFailedEvent> failed = List.copyOf(events.failed);
                assertThat(pod.getBean(Memberlist.class).numMembers())
                        .as("members; the last failed attempts: %s", failed.subList(Math.max(0, failed.size() - 3),
                                failed.size()))
                        .isEqualTo(2);
            });
            // A pod that another pod joined first stops looking at its next attempt, without a join of its own.
            await().atMost(TIMEOUT).until(() -> Boolean.FALSE.equals(
                    pod.getBean(MemberlistHealthIndicator.class).health().getDetails().get("lookingForSeeds")));
            assertThat(pod.getBean(MemberlistHealthIndicator.class).health().getDetails()).containsEntry("joined", true);
            assertThat(status(pod, "/actuator/health")).isEqualTo(200);
        }
        await().atMost(TIMEOUT).until(() -> !first.getBean(JoinEvents.class).succeeded.isEmpty()
                || !second.getBean(JoinEvents.class).succeeded.isEmpty());
    }

    @Test
    void theManifestsAreValidKubernetesObjects() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String block : yamlBlocks()) {
            if (block.startsWith("apiVersion:")) {
                for (String document : block.split("(?m)^---$")) {
                    objects.add(serialization.unmarshal(document, HasMetadata.class));
                }
            }
        }

        Service service = objects.stream().filter(Service.class::isInstance).map(Service.class::cast).findFirst().orElseThrow();
        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(service.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(SEED).startsWith(service.getMetadata().getName() + ".");
        Deployment deployment = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .findFirst().orElseThrow();
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("MEMBERLIST_KEY");
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
        });
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isPositive();
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(objects).extracting(HasMetadata::getKind).contains("Role", "RoleBinding");
    }

    private boolean healthyAndLooking(ConfigurableApplicationContext pod) throws IOException, InterruptedException {
        Map<String, Object> details = pod.getBean(MemberlistHealthIndicator.class).health().getDetails();
        return Boolean.TRUE.equals(details.get("lookingForSeeds")) && Boolean.FALSE.equals(details.get("joined"))
                && status(pod, "/actuator/health") == 200 && status(pod, "/actuator/health/readiness") == 200
                && status(pod, "/actuator/health/liveness") == 200;
    }

    private ConfigurableApplicationContext start(String podName, LateSeed seed) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("on one machine", Map.of(
                "POD_NAME", podName, "POD_IP", "127.0.0.1", "POD_NAMESPACE", "shop",
                "MEMBERLIST_KEY", Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                "server.port", "0", "server.address", "127.0.0.1",
                "memberlist.transport.bind-address", "127.0.0.1", "memberlist.transport.bind-port", "0",
                "spring.main.banner-mode", "off")));
        environment.getPropertySources().addLast(documentedSettings());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PodApplication.class)
                .environment(environment).initializers(applicationContext ->
                        applicationContext.getBeanFactory().registerSingleton("lateSeed", seed))
                .run();
        contexts.add(context);
        return context;
    }

    private static PropertySource<?> documentedSettings() throws IOException {
        String document = Files.readString(DOCUMENT);
        Matcher block = Pattern.compile("<!-- kubernetes-application-settings -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(document);
        assertThat(block.find()).as("the application settings in %s", DOCUMENT).isTrue();
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("docs/kubernetes.md",
                new ByteArrayResource(block.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).getProperty("memberlist.join.seeds[0]"))
                .isEqualTo("orders-gossip.${POD_NAMESPACE}.svc.cluster.local");
        return sources.get(0);
    }

    private static List<String> yamlBlocks() throws IOException {
        Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOCUMENT));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private int status(ConfigurableApplicationContext context, String path) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The headless service's name as the cluster's DNS answers it: nothing until the pods are
     * listed, then every pod's gossip address.
     */
    static final class LateSeed implements AddressResolver {
        private final List<InetSocketAddress> pods = new CopyOnWriteArrayList<>();

        void list(ConfigurableApplicationContext... contexts) {
            for (ConfigurableApplicationContext context : contexts) {
                pods.add(context.getBean(Memberlist.class).localNode().socketAddress());
            }
        }

        @Override
        public CompletionStage<List<InetSocketAddress>> resolve(String seed, int defaultPort) {
            if (seed.equals(SEED) && !pods.isEmpty()) {
                return CompletableFuture.completedFuture(List.copyOf(pods));
            }
            return CompletableFuture.failedFuture(new UnknownHostException("cannot resolve seed host " + seed));
        }
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class PodApplication {

        @Bean
        JoinEvents joinEvents() {
            return new JoinEvents();
        }
    }

    static final class JoinEvents {
        final List<JoinFailedEvent> failed = new CopyOnWriteArrayList<>();
        final List<JoinSucceededEvent> succeeded = new CopyOnWriteArrayList<>();

        @EventListener
        void on(JoinFailedEvent event) {
            failed.add(event);
        }

        @EventListener
        void on(JoinSucceededEvent event) {
            succeeded.add(event);
        }
    }
}
