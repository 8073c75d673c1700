package dev.memberlist.spring.kubernetes;

import dev.memberlist.spring.lifecycle.DiscoveredSeeds;
import dev.memberlist.transport.AddressResolver;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.jspecify.annotations.Nullable;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Resolves the seed {@link #seed()} by asking the Kubernetes API for the cluster's pods, on every
 * join attempt; any other seed goes to the fallback resolver (DNS). As a {@link DiscoveredSeeds} it
 * adds its seed to the seeds the node joins, so no seed needs to be configured.
 */
public final class KubernetesAddressResolver implements AddressResolver, DiscoveredSeeds {

    private final KubernetesClient client;
    private final PodQuery query;
    private final AddressResolver fallback;
    private final Executor executor;

    /**
     * @param client the Kubernetes client
     * @param namespace the namespace of the pods
     * @param labelSelector the pods' label selector, such as {@code app=memberlist}
     * @param port the gossip port, or null for the container port named {@code portName}
     * @param portName the name of the container port to join when {@code port} is null; pods
     *     without it are joined on this node's own port
     * @param fallback resolves every other seed
     * @param executor where the blocking API calls run
     * @return a resolver listing the running pods that match the selector
     */
    public static KubernetesAddressResolver byLabelSelector(KubernetesClient client, String namespace, String labelSelector,
            @Nullable Integer port, String portName, AddressResolver fallback, Executor executor) {
        return new KubernetesAddressResolver(client, new LabelSelectorPodQuery(namespace, labelSelector,
                new GossipPort(port, portName)), fallback, executor);
    }

    /**
     * @param client the Kubernetes client
     * @param namespace the namespace of the service
     * @param serviceName the service whose EndpointSlices list the pods
     * @param port the gossip port, or null for the service port named {@code portName}
     * @param portName the name of the service port to join when {@code port} is null; without it
     *     pods are joined on this node's own port
     * @param fallback resolves every other seed
     * @param executor where the blocking API calls run
     * @return a resolver listing the service's endpoints that are not terminating
     */
    public static KubernetesAddressResolver byService(KubernetesClient client, String namespace, String serviceName,
            @Nullable Integer port, String portName, AddressResolver fallback, Executor executor) {
        return new KubernetesAddressResolver(client, new ServiceEndpointsPodQuery(namespace, serviceName,
                new GossipPort(port, portName)), fallback, executor);
    }

    private KubernetesAddressResolver(KubernetesClient client, PodQuery query, AddressResolver fallback, Executor executor) {
        this.client = client;
        this.query = query;
        this.fallback = fallback;
        this.executor = executor;
    }

    /** @return the seed that stands for the pods, such as {@code kubernetes:default/pods?labelSelector=app=memberlist} */
    public String seed() {
        return "kubernetes:" + query;
    }

    @Override
    public List<String> seeds() {
        return List.of(seed());
    }

    @Override
    public CompletionStage<List<InetSocketAddress>> resolve(String seed, int defaultPort) {
        if (!seed.equals(seed())) {
            return fallback.resolve(seed, defaultPort);
        }
        return CompletableFuture.supplyAsync(() -> query.addresses(client, defaultPort), executor);
    }
}
