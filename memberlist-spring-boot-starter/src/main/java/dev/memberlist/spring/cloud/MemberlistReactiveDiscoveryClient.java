package dev.memberlist.spring.cloud;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

/**
 * The reactive face of {@link MemberlistDiscoveryClient}. Reading the membership never blocks (it
 * is a snapshot the node publishes), so every call reads it when subscribed to.
 */
public final class MemberlistReactiveDiscoveryClient implements ReactiveDiscoveryClient {

    private final MemberlistDiscoveryClient membership;

    /**
     * @param membership the client whose answers this one streams
     */
    public MemberlistReactiveDiscoveryClient(MemberlistDiscoveryClient membership) {
        this.membership = membership;
    }

    @Override
    public String description() {
        return membership.description();
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.defer(() -> Flux.fromIterable(membership.getInstances(serviceId)));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.defer(() -> Flux.fromIterable(membership.getServices()));
    }
}
