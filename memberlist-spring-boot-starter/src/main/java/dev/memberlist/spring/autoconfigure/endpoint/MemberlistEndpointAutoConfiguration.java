package dev.memberlist.spring.autoconfigure.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.actuate.endpoint.MemberlistEndpoint;
import dev.memberlist.spring.actuate.endpoint.RoundTripTimes;
import dev.memberlist.spring.actuate.endpoint.WritableMemberlistEndpoint;
import dev.memberlist.spring.autoconfigure.JoinProperties;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.autoconfigure.MemberlistProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code memberlist} actuator endpoint, read-only unless
 * {@code memberlist.endpoint.write-enabled=true}.
 */
@AutoConfiguration(after = MemberlistAutoConfiguration.class)
@ConditionalOnClass({ Memberlist.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ Memberlist.class, MemberlistProperties.class })
@ConditionalOnAvailableEndpoint(MemberlistEndpoint.class)
public final class MemberlistEndpointAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    RoundTripTimes memberlistRoundTripTimes() {
        return new RoundTripTimes();
    }

    @Bean
    @ConditionalOnMissingBean
    MemberlistEndpoint memberlistEndpoint(Memberlist memberlist, RoundTripTimes roundTripTimes,
            MemberlistProperties properties, JoinProperties join) {
        if (properties.getEndpoint().isWriteEnabled()) {
            return new WritableMemberlistEndpoint(memberlist, roundTripTimes, join.getSeeds(),
                    properties.getLeaveTimeout());
        }
        return new MemberlistEndpoint(memberlist, roundTripTimes);
    }
}
