package dev.memberlist.spring.autoconfigure.kubernetes;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for finding the cluster's pods through the Kubernetes API: by label
 * selector, or by a service's EndpointSlices.
 */
@ConfigurationProperties("memberlist.discovery.kubernetes")
public class KubernetesDiscoveryProperties {

    /** Whether to join the pods that the Kubernetes API lists (needs io.fabric8:kubernetes-client). */
    private boolean enabled;

    /** Namespace of the pods. Defaults to the client's: the pod's service-account namespace in a cluster. */
    private @Nullable String namespace;

    /** Label selector of the pods to join, such as app=memberlist. Set this or service-name. */
    private @Nullable String labelSelector;

    /** Service whose EndpointSlices list the pods to join, not-ready ones included. Set this or label-selector. */
    private @Nullable String serviceName;

    /** Gossip port of the pods (1 to 65535). Defaults to the container or service port named port-name. */
    private @Nullable Integer port;

    /** Name of the container port (label-selector) or service port (service-name) to join; pods without it are joined on this node's own port. */
    private String portName = "memberlist";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getNamespace() {
        return namespace;
    }

    public void setNamespace(@Nullable String namespace) {
        this.namespace = namespace;
    }

    public @Nullable String getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(@Nullable String labelSelector) {
        this.labelSelector = labelSelector;
    }

    public @Nullable String getServiceName() {
        return serviceName;
    }

    public void setServiceName(@Nullable String serviceName) {
        this.serviceName = serviceName;
    }

    public @Nullable Integer getPort() {
        return port;
    }

    public void setPort(@Nullable Integer port) {
        this.port = port;
    }

    public String getPortName() {
        return portName;
    }

    public void setPortName(String portName) {
        this.portName = portName;
    }
}
