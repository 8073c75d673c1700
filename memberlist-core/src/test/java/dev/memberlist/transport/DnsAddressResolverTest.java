package dev.memberlist.transport;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsAddressResolverTest {

    private final DnsAddressResolver resolver = new DnsAddressResolver(command -> {
        throw new AssertionError("IP literals must not need the lookup executor");
    });

    @Test
    void resolvesIpLiteralsAtOnceWithoutALookup() throws Exception {
        CompletableFuture<List<InetSocketAddress>> v4 = resolver.resolve("127.0.0.1:7001", 7946).toCompletableFuture();
        CompletableFuture<List<InetSocketAddress>> v6 = resolver.resolve("[::1]", 7946).toCompletableFuture();

        assertThat(v4).isCompleted();
        assertThat(v4.get()).containsExactly(new InetSocketAddress("127.0.0.1", 7001));
        assertThat(v6.get()).containsExactly(new InetSocketAddress("::1", 7946));
    }

    @Test
    void resolvesHostNamesToEveryAddressOnTheGivenExecutor() throws Exception {
        DnsAddressResolver direct = new DnsAddressResolver(Runnable::run);

        List<InetSocketAddress> addresses = direct.resolve("localhost:7002", 7946).toCompletableFuture().get();

        assertThat(addresses).isNotEmpty().allMatch(a -> a.getPort() == 7002 && a.getAddress().isLoopbackAddress());
    }

    @Test
    void failsForMalformedSeedsAndUnknownHosts() {
        DnsAddressResolver direct = new DnsAddressResolver(Runnable::run);

        assertThatThrownBy(() -> direct.resolve("a:b:c:", 7946).toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> direct.resolve("no-such-host.invalid", 7946).toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class).hasMessageContaining("cannot resolve seed host");
    }
}
