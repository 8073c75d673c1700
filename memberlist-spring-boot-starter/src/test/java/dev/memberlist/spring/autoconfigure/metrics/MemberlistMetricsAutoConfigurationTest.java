package dev.memberlist.spring.autoconfigure.metrics;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.metrics.EventQueueMetrics;
import dev.memberlist.spring.metrics.MemberlistMetrics;
import dev.memberlist.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistMetricsAutoConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class,
                    MemberlistMetricsAutoConfiguration.class))
            .withBean(Transport.class, IsolatedTransport::new);

    @Test
    void runShouldCreateMetricsThatTheNodeReportsTo() {
        contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(MemberlistMetrics.class);
            MemberlistMetrics metrics = context.getBean(MemberlistMetrics.class);
            metrics.bindTo(context.getBean(MeterRegistry.class));
            context.getBean(Memberlist.class).config().telemetry().messageSent("ping");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("memberlist.messages.sent").tag("type", "ping").counter().count()).isEqualTo(1);
            assertThat(registry.get("memberlist.members").tag("state", "alive").gauge().value()).isEqualTo(1);
        });
    }

    @Test
    void runShouldMeasureTheEventsQueue() {
        contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(EventQueueMetrics.class).bindTo(registry);
            assertThat(registry.get("memberlist.events.queue").gauge().value()).isZero();
            assertThat(registry.get("memberlist.events.dropped").functionCounter().count()).isZero();
        });
    }

    @Test
    void runWithoutMeterRegistryShouldNotCreateMetrics() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(Memberlist.class)
                .doesNotHaveBean(MemberlistMetrics.class));
    }

    @Test
    void runWithoutMicrometerShouldStillCreateMemberlist() {
        contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> assertThat(context).hasSingleBean(Memberlist.class)
                        .doesNotHaveBean(MemberlistMetrics.class));
    }

    @Test
    void runWhenUserDefinesMetricsShouldBackOff() {
        MemberlistMetrics own = new MemberlistMetrics(() -> null, true);
        contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(MemberlistMetrics.class, () -> own)
                .run(context -> assertThat(context.getBean(MemberlistMetrics.class)).isSameAs(own));
    }
}
