package dev.memberlist.transport;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Turns a seed string into the addresses to join, so applications can plug in their own discovery
 * (a Kubernetes headless service, a cloud API). The default, {@link DnsAddressResolver}, reads
 * {@code host}, {@code host:port}, {@code ip:port} and {@code [v6]:port} and resolves a host name to
 * all its A and AAAA records, as Go does.
 *
 * <p>Implementations must be thread-safe and must not block the calling thread: do slow lookups
 * on another thread and complete the stage from there.
 */
@FunctionalInterface
public interface AddressResolver {

    /**
     * @param seed one seed as configured, optionally prefixed with {@code name/} as in Go
     * @param defaultPort the port to use when the seed names none
     * @return every address the seed stands for; completes exceptionally when it cannot be resolved
     */
    CompletionStage<List<InetSocketAddress>> resolve(String seed, int defaultPort);
}
