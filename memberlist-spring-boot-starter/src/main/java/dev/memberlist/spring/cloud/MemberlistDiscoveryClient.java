package dev.memberlist.spring.cloud;

import dev.memberlist.Memberlist;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.spring.metadata.LocalNodeMetadata;
import dev.memberlist.spring.metadata.NodeMetadata;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link DiscoveryClient} over the cluster's membership: every alive member whose metadata names a
 * {@value LocalNodeMetadata#SERVICE_ID} and an {@value LocalNodeMetadata#HTTP_PORT} (the starter
 * publishes both) is an instance of that service, at the member's address, its instance id the node
 * name and its metadata the node's. Members without them (a Go node, an application that supplies
 * its own metadata) are no service instances. Reads the current membership on every call, without
 * blocking.
 */
public final class MemberlistDiscoveryClient implements DiscoveryClient {

    private final Memberlist memberlist;

    /**
     * @param memberlist the node whose view of the cluster is read
     */
    public MemberlistDiscoveryClient(Memberlist memberlist) {
        this.memberlist = memberlist;
    }

    @Override
    public String description() {
        return "memberlist";
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (Node member : aliveMembers()) {
            instance(member).filter(instance -> instance.getServiceId().equalsIgnoreCase(serviceId))
                    .ifPresent(instances::add);
        }
        return instances;
    }

    @Override
    public List<String> getServices() {
        Set<String> services = new LinkedHashSet<>();
        for (Node member : aliveMembers()) {
            instance(member).ifPresent(instance -> services.add(instance.getServiceId()));
        }
        return List.copyOf(services);
    }

    private List<Node> aliveMembers() {
        if (!memberlist.isStarted() || memberlist.isShutdown()) {
            return List.of();
        }
        return memberlist.members().stream().filter(member -> member.state() == NodeState.ALIVE).toList();
    }

    static Optional<ServiceInstance> instance(Node member) {
        Map<String, String> meta = NodeMetadata.decode(member.meta()).orElse(Map.of());
        String serviceId = meta.get(LocalNodeMetadata.SERVICE_ID);
        Optional<Integer> port = port(meta.get(LocalNodeMetadata.HTTP_PORT));
        if (serviceId == null || serviceId.isBlank() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DefaultServiceInstance(member.name(), serviceId, member.address().getHostAddress(),
                port.get(), false, meta));
    }

    private static Optional<Integer> port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port <= 0xffff ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
