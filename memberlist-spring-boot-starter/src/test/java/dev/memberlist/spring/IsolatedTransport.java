package dev.memberlist.spring;

import dev.memberlist.MemberlistException;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport that binds nothing and reaches nobody: every send fails at once, as if each peer
 * were unreachable. A node on it runs alone, on its own engine thread, so application contexts
 * can start one without opening ports. (The simulation kit's network needs the test thread to
 * drive time, which a node started by the application context does not do.) It starts again after
 * a close, as a restarted node needs.
 */
public final class IsolatedTransport implements Transport {

    /** The address the node advertises. */
    public static final InetSocketAddress ADDRESS = new InetSocketAddress("10.0.0.1", 7946);

    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private volatile String startFailure;

    /**
     * @param message what every start fails with, as a transport whose port is taken does
     * @return this transport
     */
    public IsolatedTransport failingStart(String message) {
        startFailure = message;
        return this;
    }

    @Override
    public void start(TransportHandler handler) {
        if (startFailure != null) {
            throw new MemberlistException(startFailure);
        }
        starts.incrementAndGet();
    }

    @Override
    public InetSocketAddress advertiseAddress() {
        return ADDRESS;
    }

    @Override
    public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
        return unreachable(to);
    }

    @Override
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        return unreachable(to);
    }

    @Override
    public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        return unreachable(to);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    /** @return how many times the transport was started */
    public int starts() {
        return starts.get();
    }

    /** @return how many times the transport was closed */
    public int closes() {
        return closes.get();
    }

    private static <T> CompletionStage<T> unreachable(InetSocketAddress to) {
        return CompletableFuture.failedFuture(new MemberlistException(to + " is unreachable"));
    }
}
