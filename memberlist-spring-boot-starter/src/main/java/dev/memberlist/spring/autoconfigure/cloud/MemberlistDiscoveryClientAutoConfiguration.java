package dev.memberlist.spring.autoconfigure.cloud;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.cloud.MemberlistDiscoveryClient;
import dev.memberlist.spring.cloud.MemberlistReactiveDiscoveryClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.ConditionalOnBlockingDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnReactiveDiscoveryEnabled;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

/**
 * Auto-configuration of the {@link MemberlistDiscoveryClient} and, with Reactor on the class path,
 * the {@link MemberlistReactiveDiscoveryClient}; turn them off with
 * {@code memberlist.discovery.client.enabled=false} (or Spring Cloud's
 * {@code spring.cloud.discovery.enabled}, {@code .blocking.enabled} and {@code .reactive.enabled}).
 */
@AutoConfiguration(after = MemberlistAutoConfiguration.class, beforeName = {
        "org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration",
        "org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClientAutoConfiguration" })
@ConditionalOnClass({ Memberlist.class, DiscoveryClient.class })
@ConditionalOnBean(Memberlist.class)
@ConditionalOnDiscoveryEnabled
@ConditionalOnBooleanProperty(name = "memberlist.discovery.client.enabled", matchIfMissing = true)
public final class MemberlistDiscoveryClientAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBlockingDiscoveryEnabled
    static class BlockingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MemberlistDiscoveryClient memberlistDiscoveryClient(Memberlist memberlist) {
            return new MemberlistDiscoveryClient(memberlist);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flux.class)
    @ConditionalOnReactiveDiscoveryEnabled
    static class ReactiveConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MemberlistReactiveDiscoveryClient memberlistReactiveDiscoveryClient(Memberlist memberlist) {
            return new MemberlistReactiveDiscoveryClient(new MemberlistDiscoveryClient(memberlist));
        }
    }
}
