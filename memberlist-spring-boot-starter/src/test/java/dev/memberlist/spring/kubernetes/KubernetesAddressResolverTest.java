package dev.memberlist.spring.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against fabric8's mock API server in CRUD mode: what is created is what the resolver lists. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesAddressResolverTest {

    static KubernetesClient client;

    private final List<String> fallbackSeeds = new ArrayList<>();

    @Test
    void listsTheRunningPodsOfTheSelectorOnTheirNamedPortOrTheNodesOwn() throws Exception {
        create(pod("named-port", "ns", "memberlist", "Running", "10.1.0.1", 7947, null));
        create(pod("no-named-port", "ns", "memberlist", "Running", "10.1.0.2", null, null));
        create(pod("pending", "ns", "memberlist", "Pending", "10.1.0.3", null, null));
        create(pod("no-ip-yet", "ns", "memberlist", "Running", null, null, null));
        create(pod("being-deleted", "ns", "memberlist", "Running", "10.1.0.5", null, "example.com/hold"));
        client.pods().inNamespace("ns").withName("being-deleted").delete();
        create(pod("other-app", "ns", "other", "Running", "10.1.0.6", null, null));
        create(pod("other-namespace", "elsewhere", "memberlist", "Running", "10.1.0.7", null, null));
        KubernetesAddressResolver resolver = KubernetesAddressResolver.byLabelSelector(client, "ns", "app=memberlist",
                null, "memberlist", this::fallback, Runnable::run);

        assertThat(resolve(resolver, resolver.seed(), 7946)).containsExactlyInAnyOrder(
                new InetSocketAddress("10.1.0.1", 7947), new InetSocketAddress("10.1.0.2", 7946));
        assertThat(resolver.seed()).isEqualTo("kubernetes:ns/pods?labelSelector=app=memberlist");
        assertThat(resolver.seeds()).containsExactly(resolver.seed());
    }

    @Test
    void aConfiguredPortWinsOverTheNamedOne() throws Exception {
        create(pod("fixed", "fixed-ns", "memberlist", "Running", "10.2.0.1", 7947, null));
        KubernetesAddressResolver resolver = KubernetesAddressResolver.byLabelSelector(client, "fixed-ns", "app=memberlist",
                8000, "memberlist", this::fallback, Runnable::run);

        assertThat(resolve(resolver, resolver.seed(), 7946)).containsExactly(new InetSocketAddress("10.2.0.1", 8000));
    }

    @Test
    void listsTheEndpointsOfAServiceThatAreNotTerminatingReadyOrNot() throws Exception {
        client.discovery().v1().endpointSlices().inNamespace("svc-ns").resource(slice("gossip-abc", "gossip", "IPv4",
                Map.of("10.3.0.1", "ready", "10.3.0.2", "not-ready", "10.3.0.3", "terminating"))).create();
        client.discovery().v1().endpointSlices().inNamespace("svc-ns").resource(slice("gossip-fqdn", "gossip", "FQDN",
                Map.of("pod.example", "ready"))).create();
        client.discovery().v1().endpointSlices().inNamespace("svc-ns").resource(slice("web-abc", "web", "IPv4",
                Map.of("10.3.0.9", "ready"))).create();
        KubernetesAddressResolver resolver = KubernetesAddressResolver.byService(client, "svc-ns", "gossip", null,
                "memberlist", this::fallback, Runnable::run);

        assertThat(resolve(resolver, resolver.seed(), 7946)).containsExactlyInAnyOrder(
                new InetSocketAddress("10.3.0.1", 7947), new InetSocketAddress("10.3.0.2", 7947));
        assertThat(resolver.seed()).isEqualTo("kubernetes:svc-ns/services/gossip");
    }

    @Test
    void otherSeedsGoToTheFallbackAndAnEmptyListIsNoError() throws Exception {
        KubernetesAddressResolver resolver = KubernetesAddressResolver.byLabelSelector(client, "empty", "app=memberlist",
                null, "memberlist", this::fallback, Runnable::run);

        assertThat(resolve(resolver, "10.9.9.9:7946", 7946)).isEmpty();
        assertThat(fallbackSeeds).containsExactly("10.9.9.9:7946");
        assertThat(resolve(resolver, resolver.seed(), 7946)).isEmpty();
    }

    @Test
    void anUnreachableApiFailsTheLookup() {
        // Port 1 on loopback refuses at once; no retries.
        Config config = new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(config).build()) {
            KubernetesAddressResolver resolver = KubernetesAddressResolver.byLabelSelector(unreachable, "ns",
                    "app=memberlist", null, "memberlist", this::fallback, Runnable::run);

            assertThat(resolver.resolve(resolver.seed(), 7946).toCompletableFuture()).isCompletedExceptionally();
        }
    }

    private CompletableFuture<List<InetSocketAddress>> fallback(String seed, int port) {
        fallbackSeeds.add(seed);
        return CompletableFuture.completedFuture(List.of());
    }

    private static List<InetSocketAddress> resolve(KubernetesAddressResolver resolver, String seed, int port)
            throws Exception {
        return resolver.resolve(seed, port).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void create(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    /** A finalizer keeps a deleted pod listed, with a deletion timestamp, as a terminating pod is. */
    static Pod pod(String name, String namespace, String app, String phase, String ip, Integer memberlistPort,
                   String finalizer) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName("app").addNewPort().withName("http").withContainerPort(8080)
                .endPort().endContainer().endSpec()
                .withNewStatus().withPhase(phase).withPodIP(ip).endStatus();
        if (finalizer != null) {
            pod.editMetadata().addToFinalizers(finalizer).endMetadata();
        }
        if (memberlistPort != null) {
            pod.editSpec().editFirstContainer().addNewPort().withName("memberlist").withContainerPort(memberlistPort)
                    .endPort().endContainer().endSpec();
        }
        return pod.build();
    }

    private static EndpointSlice slice(String name, String service, String addressType, Map<String, String> endpoints) {
        EndpointSliceBuilder slice = new EndpointSliceBuilder().withNewMetadata().withName(name)
                .addToLabels("kubernetes.io/service-name", service).endMetadata()
                .withAddressType(addressType)
                .addNewPort().withName("http").withPort(8080).endPort()
                .addNewPort().withName("memberlist").withPort(7947).endPort();
        endpoints.forEach((address, condition) -> slice.addToEndpoints(new EndpointBuilder().addToAddresses(address)
                .withNewConditions().withReady(condition.equals("ready")).withServing(!condition.equals("not-ready"))
                .withTerminating(condition.equals("terminating")).endConditions().build()));
        return slice.build();
    }
}
