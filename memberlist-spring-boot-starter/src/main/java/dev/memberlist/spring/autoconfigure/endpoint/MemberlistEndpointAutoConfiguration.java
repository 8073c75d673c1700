package dev.memberlist.spring.autoconfigure.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.actuate.endpoint.MemberlistEndpoint;
import dev.memberlist.spring.actuate.endpoint.MemberlistOperationsEndpoint;
import dev.memberlist.spring.actuate.endpoint.MemberlistOperationsWebExtension;
import dev.memberlist.spring.actuate.endpoint.RoundTripTimes;
import dev.memberlist.spring.autoconfigure.JoinProperties;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.autoconfigure.MemberlistProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code memberlist} actuator endpoint (read operations only) and of the
 * {@code memberlistops} endpoint, whose write operations Boot maps only when
 * {@code management.endpoint.memberlistops.access=unrestricted} (it is read-only by default), with its
 * web extension, which tells an HTTP client why an operation was refused.
 */
@AutoConfiguration(after = MemberlistAutoConfiguration.class)
@ConditionalOnClass({ Memberlist.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ Memberlist.class, MemberlistProperties.class })
public final class MemberlistEndpointAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(MemberlistEndpoint.class)
    RoundTripTimes memberlistRoundTripTimes() {
        return new RoundTripTimes();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(MemberlistEndpoint.class)
    MemberlistEndpoint memberlistEndpoint(Memberlist memberlist, RoundTripTimes roundTripTimes) {
        return new MemberlistEndpoint(memberlist, roundTripTimes);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(MemberlistOperationsEndpoint.class)
    MemberlistOperationsEndpoint memberlistOperationsEndpoint(Memberlist memberlist, MemberlistProperties properties,
            JoinProperties join) {
        return new MemberlistOperationsEndpoint(memberlist, join.getSeeds(), properties.getLeaveTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = MemberlistOperationsEndpoint.class, exposure = EndpointExposure.WEB)
    MemberlistOperationsWebExtension memberlistOperationsWebExtension(MemberlistOperationsEndpoint endpoint) {
        return new MemberlistOperationsWebExtension(endpoint);
    }
}
