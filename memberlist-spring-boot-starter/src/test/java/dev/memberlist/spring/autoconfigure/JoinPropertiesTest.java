package dev.memberlist.spring.autoconfigure;

import dev.memberlist.spring.IsolatedTransport;
import dev.memberlist.spring.lifecycle.DiscoveredSeeds;
import dev.memberlist.spring.lifecycle.JoinState;
import dev.memberlist.spring.lifecycle.MemberlistLifecycle;
import dev.memberlist.transport.AddressResolver;
import dev.memberlist.transport.Transport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JoinPropertiesTest {

    private final Set<String> resolved = ConcurrentHashMap.newKeySet();

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
            .withBean(Transport.class, IsolatedTransport::new)
            .withBean(AddressResolver.class, () -> (seed, port) -> {
                resolved.add(seed);
                return CompletableFuture.<List<InetSocketAddress>>failedFuture(new IllegalStateException("unlisted"));
            })
            .withPropertyValues("memberlist.name=n1", "memberlist.join.seeds=configured.example",
                    "memberlist.join.initial-backoff=50ms", "memberlist.join.max-backoff=100ms");

    @Test
    void runShouldJoinTheConfiguredAndTheDiscoveredSeedsAndKeepLooking() {
        contextRunner.withBean(DiscoveredSeeds.class, () -> () -> List.of("discovered")).run(context -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> resolved.containsAll(List.of("configured.example", "discovered")));
            assertThat(context.getBean(MemberlistLifecycle.class).joinState()).isEqualTo(JoinState.JOINING);
        });
    }

    @Test
    void runWhenJoinIsTurnedOffShouldNotLookForSeeds() {
        contextRunner.withPropertyValues("memberlist.join.enabled=false").run(context -> {
            assertThat(context.getBean(MemberlistLifecycle.class).joinState()).isEqualTo(JoinState.NOT_REQUESTED);
            assertThat(resolved).isEmpty();
        });
    }
}
