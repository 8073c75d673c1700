package dev.memberlist.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;

/**
 * The default {@link AddressResolver}: IP literals are used as they are; a host name resolves, on
 * another thread, to every A and AAAA record the system resolver returns (Go tries every address
 * too). Thread-safe.
 */
public final class DnsAddressResolver implements AddressResolver {

    /** Resolves on the common fork-join pool. */
    public static final DnsAddressResolver INSTANCE = new DnsAddressResolver(ForkJoinPool.commonPool());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Executor executor;

    /**
     * @param executor where blocking host-name lookups run
     */
    public DnsAddressResolver(Executor executor) {
        this.executor = executor;
    }

    @Override
    public CompletionStage<List<InetSocketAddress>> resolve(String seed, int defaultPort) {
        SeedAddress parsed;
        try {
            parsed = SeedAddress.parse(seed, defaultPort);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (isIpLiteral(parsed.host())) {
            try {
                return CompletableFuture.completedFuture(lookUp(parsed));
            } catch (CompletionException e) {
                return CompletableFuture.failedFuture(e.getCause());
            }
        }
        return CompletableFuture.supplyAsync(() -> lookUp(parsed), executor);
    }

    /** IP literals need no lookup, so they resolve at once, on the caller's thread. */
    private static boolean isIpLiteral(String host) {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    private static List<InetSocketAddress> lookUp(SeedAddress seed) {
        try {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (InetAddress address : InetAddress.getAllByName(seed.host())) {
                addresses.add(new InetSocketAddress(address, seed.port()));
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new CompletionException(new UnknownHostException("cannot resolve seed host " + seed.host()));
        }
    }
}
