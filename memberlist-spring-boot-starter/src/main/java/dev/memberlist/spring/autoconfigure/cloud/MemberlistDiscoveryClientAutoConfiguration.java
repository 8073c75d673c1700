package dev.memberlist.spring.autoconfigure.cloud;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.cloud.MemberlistDiscoveryClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.ConditionalOnBlockingDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnDiscoveryEnabled;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link MemberlistDiscoveryClient}; turn it off with
 * {@code memberlist.discovery.client.enabled=false} (or Spring Cloud's
 * {@code spring.cloud.discovery.enabled=false}).
 */
@AutoConfiguration(after = MemberlistAutoConfiguration.class,
        beforeName = "org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration")
@ConditionalOnClass({ Memberlist.class, DiscoveryClient.class })
@ConditionalOnBean(Memberlist.class)
@ConditionalOnDiscoveryEnabled
@ConditionalOnBlockingDiscoveryEnabled
@ConditionalOnBooleanProperty(name = "memberlist.discovery.client.enabled", matchIfMissing = true)
public final class MemberlistDiscoveryClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MemberlistDiscoveryClient memberlistDiscoveryClient(Memberlist memberlist) {
        return new MemberlistDiscoveryClient(memberlist);
    }
}
