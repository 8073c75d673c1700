package dev.memberlist.spring.autoconfigure.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.actuate.endpoint.MemberlistEndpoint;
import dev.memberlist.spring.actuate.endpoint.MemberlistOperationsEndpoint;
import dev.memberlist.spring.actuate.endpoint.MemberlistOperationsWebExtension;
import dev.memberlist.spring.actuate.endpoint.RoundTripTimes;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.transport.Transport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistEndpointAutoConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class,
                    MemberlistEndpointAutoConfiguration.class))
            .withBean(Transport.class, IsolatedTransport::new);

    @Test
    void runWhenExposedShouldCreateReadOnlyEndpoint() {
        contextRunner.withPropertyValues("management.endpoints.web.exposure.include=memberlist").run(context -> {
            assertThat(context).hasSingleBean(MemberlistEndpoint.class).doesNotHaveBean(MemberlistOperationsEndpoint.class);
            assertThat(context.getBean(MemberlistEndpoint.class).member("unknown")).isNull();
        });
    }

    @Test
    void runWhenOperationsAreExposedShouldCreateOperationsEndpoint() {
        contextRunner.withPropertyValues("management.endpoints.web.exposure.include=memberlistops")
                .run(context -> assertThat(context).hasSingleBean(MemberlistOperationsEndpoint.class)
                        .hasSingleBean(MemberlistOperationsWebExtension.class)
                        .doesNotHaveBean(MemberlistEndpoint.class));
    }

    @Test
    void runWhenOperationsAreExposedOnlyOverJmxShouldNotCreateTheWebExtension() {
        contextRunner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=memberlistops")
                .run(context -> assertThat(context).hasSingleBean(MemberlistOperationsEndpoint.class)
                        .doesNotHaveBean(MemberlistOperationsWebExtension.class));
    }

    @Test
    void runWhenOperationsAccessIsNoneShouldNotCreateOperationsEndpoint() {
        contextRunner.withPropertyValues("management.endpoints.web.exposure.include=memberlist,memberlistops",
                        "management.endpoint.memberlistops.access=NONE")
                .run(context -> assertThat(context).hasSingleBean(MemberlistEndpoint.class)
                        .doesNotHaveBean(MemberlistOperationsEndpoint.class));
    }

    @Test
    void runShouldFeedRoundTripTimesFromTheNode() {
        contextRunner.withPropertyValues("management.endpoints.web.exposure.include=memberlist").run(context -> {
            context.getBean(Memberlist.class).config().telemetry().probeRtt("peer", Duration.ofMillis(9));
            assertThat(context.getBean(RoundTripTimes.class).lastRttMillis("peer")).hasValue(9);
        });
    }

    @Test
    void runWhenNotExposedShouldNotCreateEndpoint() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(Memberlist.class)
                .doesNotHaveBean(MemberlistEndpoint.class).doesNotHaveBean(MemberlistOperationsEndpoint.class)
                .doesNotHaveBean(MemberlistOperationsWebExtension.class).doesNotHaveBean(RoundTripTimes.class));
    }
}
