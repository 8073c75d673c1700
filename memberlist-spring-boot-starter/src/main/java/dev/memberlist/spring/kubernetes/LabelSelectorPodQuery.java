package dev.memberlist.spring.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods of a namespace that match a label selector and run: phase {@code Running}, an IP, not
 * being deleted. Readiness is not required: a pod that cannot be ready until it joined must still be
 * found.
 *
 * @param namespace the namespace
 * @param labelSelector the selector, such as {@code app=memberlist}
 * @param port how to pick each pod's gossip port
 */
record LabelSelectorPodQuery(String namespace, String labelSelector, GossipPort port) implements PodQuery {

    @Override
    public List<InetSocketAddress> addresses(KubernetesClient client, int defaultPort) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (Pod pod : client.pods().inNamespace(namespace).withLabelSelector(labelSelector).list().getItems()) {
            String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
            if (GossipPort.isIpLiteral(ip) && "Running".equals(pod.getStatus().getPhase())
                    && pod.getMetadata().getDeletionTimestamp() == null) {
                addresses.add(address(ip, port.pick(containerPorts(pod), defaultPort)));
            }
        }
        return addresses;
    }

    private static Map<String, Integer> containerPorts(Pod pod) {
        Map<String, Integer> ports = new HashMap<>();
        if (pod.getSpec() != null) {
            for (Container container : pod.getSpec().getContainers()) {
                for (ContainerPort port : container.getPorts()) {
                    if (port.getName() != null && port.getContainerPort() != null) {
                        ports.putIfAbsent(port.getName(), port.getContainerPort());
                    }
                }
            }
        }
        return ports;
    }

    static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not an IP address: " + ip, ex);
        }
    }

    @Override
    public String toString() {
        return namespace + "/pods?labelSelector=" + labelSelector;
    }
}
