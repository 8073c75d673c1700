package dev.memberlist.spring.autoconfigure.kubernetes;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.kubernetes.KubernetesAddressResolver;
import dev.memberlist.transport.AddressResolver;
import dev.memberlist.transport.DnsAddressResolver;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ForkJoinPool;

/**
 * Auto-configuration of Kubernetes discovery: a {@link KubernetesAddressResolver} whose seed the node
 * joins, listing pods by {@code memberlist.discovery.kubernetes.label-selector} or a service's
 * endpoints by {@code memberlist.discovery.kubernetes.service-name}. Backs off when the application
 * declares an {@link AddressResolver}; uses the application's {@link KubernetesClient} when it has one.
 */
@AutoConfiguration(before = MemberlistAutoConfiguration.class)
@ConditionalOnClass({ Memberlist.class, KubernetesClient.class })
@ConditionalOnBooleanProperty(name = "memberlist.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("memberlist.discovery.kubernetes.enabled")
@EnableConfigurationProperties(KubernetesDiscoveryProperties.class)
public final class KubernetesDiscoveryAutoConfiguration {

    private static final String PREFIX = "memberlist.discovery.kubernetes.";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KubernetesClient memberlistKubernetesClient() {
        return new KubernetesClientBuilder().build();
    }

    @Bean
    @ConditionalOnMissingBean(AddressResolver.class)
    KubernetesAddressResolver memberlistKubernetesAddressResolver(KubernetesClient client,
            KubernetesDiscoveryProperties properties) {
        String namespace = namespace(properties, client);
        Integer port = properties.getPort();
        if (port != null && (port < 1 || port > 0xffff)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "port", port, "must be between 1 and 65535");
        }
        String labelSelector = properties.getLabelSelector();
        String serviceName = properties.getServiceName();
        if (hasText(labelSelector) && hasText(serviceName)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "label-selector", labelSelector,
                    "must not be set together with " + PREFIX + "service-name: pods are listed one way or the other");
        }
        if (!hasText(labelSelector) && !hasText(serviceName)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "label-selector", labelSelector,
                    "must be set, or " + PREFIX + "service-name, to say which pods to join");
        }
        return hasText(labelSelector)
                ? KubernetesAddressResolver.byLabelSelector(client, namespace, labelSelector, port, properties.getPortName(),
                        DnsAddressResolver.INSTANCE, ForkJoinPool.commonPool())
                : KubernetesAddressResolver.byService(client, namespace, serviceName, port, properties.getPortName(),
                        DnsAddressResolver.INSTANCE, ForkJoinPool.commonPool());
    }

    private static String namespace(KubernetesDiscoveryProperties properties, KubernetesClient client) {
        if (hasText(properties.getNamespace())) {
            return properties.getNamespace();
        }
        // The client reads the pod's service-account namespace file, or the kubeconfig's context.
        String namespace = client.getNamespace();
        if (!hasText(namespace)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "namespace", null,
                    "must be set: the Kubernetes client knows no namespace (no service-account namespace file)");
        }
        return namespace;
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
