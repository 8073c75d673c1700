package dev.memberlist.spring.autoconfigure.metrics;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.autoconfigure.MemberlistProperties;
import dev.memberlist.spring.event.EventPublishingDelegate;
import dev.memberlist.spring.metrics.EventQueueMetrics;
import dev.memberlist.spring.metrics.MemberlistMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link MemberlistMetrics}, Micrometer meters for the node fed through its
 * {@code Telemetry}, and of {@link EventQueueMetrics} for the application events' queue.
 */
@AutoConfiguration(after = MemberlistAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ Memberlist.class, MeterRegistry.class })
@ConditionalOnBean({ Memberlist.class, MemberlistProperties.class, MeterRegistry.class })
public final class MemberlistMetricsAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    MemberlistMetrics memberlistMetrics(ObjectProvider<Memberlist> memberlist, MemberlistProperties properties) {
        return new MemberlistMetrics(memberlist::getObject, properties.getMetrics().isProbeRttPerNode());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(EventPublishingDelegate.class)
    EventQueueMetrics memberlistEventQueueMetrics(EventPublishingDelegate events) {
        return new EventQueueMetrics(events);
    }
}
