package dev.memberlist.spring.autoconfigure.health;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.autoconfigure.MemberlistProperties;
import dev.memberlist.spring.health.MemberlistHealthIndicator;
import dev.memberlist.spring.lifecycle.JoinState;
import dev.memberlist.spring.lifecycle.MemberlistLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link MemberlistHealthIndicator}, named {@code memberlist}; turn it
 * off with {@code management.health.memberlist.enabled=false}.
 */
@AutoConfiguration(after = MemberlistAutoConfiguration.class)
@ConditionalOnClass({ Memberlist.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ Memberlist.class, MemberlistProperties.class })
@ConditionalOnEnabledHealthIndicator("memberlist")
public final class MemberlistHealthContributorAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "memberlistHealthIndicator")
    MemberlistHealthIndicator memberlistHealthIndicator(Memberlist memberlist,
            ObjectProvider<MemberlistLifecycle> lifecycle, MemberlistProperties properties) {
        MemberlistLifecycle memberlistLifecycle = lifecycle.getIfAvailable();
        return new MemberlistHealthIndicator(memberlist,
                () -> (memberlistLifecycle != null) ? memberlistLifecycle.joinState() : JoinState.NOT_REQUESTED,
                properties.getHealth().getMaxScore());
    }
}
