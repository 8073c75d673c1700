package dev.memberlist.spring.autoconfigure.health;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.spring.health.MemberlistHealthIndicator;
import dev.memberlist.transport.Transport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistHealthContributorAutoConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class,
                    MemberlistHealthContributorAutoConfiguration.class))
            .withBean(Transport.class, IsolatedTransport::new);

    @Test
    void runShouldCreateIndicatorNamedMemberlist() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(MemberlistHealthIndicator.class).hasBean("memberlistHealthIndicator");
            assertThat(context.getBean(MemberlistHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void runShouldUseTheConfiguredMaxScore() {
        contextRunner.withPropertyValues("memberlist.health.max-score=-1").run(context ->
                assertThat(context.getBean(MemberlistHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN));
    }

    @Test
    void runWhenHealthDisabledShouldNotCreateIndicator() {
        contextRunner.withPropertyValues("management.health.memberlist.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(Memberlist.class)
                        .doesNotHaveBean(MemberlistHealthIndicator.class));
    }

    @Test
    void runWhenMemberlistDisabledShouldNotCreateIndicator() {
        contextRunner.withPropertyValues("memberlist.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MemberlistHealthIndicator.class));
    }

    @Test
    void runWhenUserDefinesIndicatorShouldBackOff() {
        contextRunner.withBean("memberlistHealthIndicator", HealthIndicator.class, () -> () -> null)
                .run(context -> assertThat(context).doesNotHaveBean(MemberlistHealthIndicator.class));
    }

    @Test
    void runWithoutHealthModuleShouldStillCreateMemberlist() {
        // Imported as an application imports them, so that classes are checked before conditions load.
        new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
                .withBean(Transport.class, IsolatedTransport::new)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasSingleBean(Memberlist.class)
                        .doesNotHaveBean(MemberlistHealthIndicator.class));
    }

    @ImportAutoConfiguration({ MemberlistAutoConfiguration.class, MemberlistHealthContributorAutoConfiguration.class })
    static class ImportedAutoConfigurations {
    }
}
