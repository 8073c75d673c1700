package dev.memberlist.spring.kubernetes;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of a service, read from its EndpointSlices: every IP endpoint that is not
 * terminating, ready or not (EndpointSlices list pods that are not ready too, so a pod that cannot
 * be ready until it joined is still found).
 *
 * @param namespace the namespace
 * @param serviceName the service
 * @param port how to pick the gossip port, by the service's port name
 */
record ServiceEndpointsPodQuery(String namespace, String serviceName, GossipPort port) implements PodQuery {

    private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    @Override
    public List<InetSocketAddress> addresses(KubernetesClient client, int defaultPort) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace(namespace)
                .withLabel(SERVICE_NAME_LABEL, serviceName).list().getItems();
        for (EndpointSlice slice : slices) {
            if ("FQDN".equals(slice.getAddressType())) {
                continue;
            }
            int gossipPort = port.pick(namedPorts(slice), defaultPort);
            for (Endpoint endpoint : slice.getEndpoints()) {
                if (endpoint.getConditions() != null && Boolean.TRUE.equals(endpoint.getConditions().getTerminating())) {
                    continue;
                }
                for (String ip : endpoint.getAddresses()) {
                    if (GossipPort.isIpLiteral(ip)) {
                        addresses.add(LabelSelectorPodQuery.address(ip, gossipPort));
                    }
                }
            }
        }
        return addresses;
    }

    private static Map<String, Integer> namedPorts(EndpointSlice slice) {
        Map<String, Integer> ports = new HashMap<>();
        for (EndpointPort port : slice.getPorts()) {
            if (port.getName() != null && port.getPort() != null) {
                ports.putIfAbsent(port.getName(), port.getPort());
            }
        }
        return ports;
    }

    @Override
    public String toString() {
        return namespace + "/services/" + serviceName;
    }
}
