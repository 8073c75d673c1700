package dev.memberlist.spring.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.InetSocketAddress;
import java.util.List;

/** One way to list the gossip addresses of the cluster's pods through the Kubernetes API. */
interface PodQuery {

    /**
     * Lists the addresses, blocking on the API.
     *
     * @param client the Kubernetes client
     * @param defaultPort the port when neither a port nor a named container port gives one
     * @return the addresses, possibly none
     */
    List<InetSocketAddress> addresses(KubernetesClient client, int defaultPort);
}
