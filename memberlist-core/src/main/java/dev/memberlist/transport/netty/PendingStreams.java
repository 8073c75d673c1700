package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The outbound streams under way, so that closing the transport fails every one of them, and their
 * deadlines. Internal to the transports, public only for the QUIC stream layer. Thread-safe.
 */
public final class PendingStreams {

    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Tracks a stream's result until it completes.
     *
     * @param result the stream's result
     * @return false, with the result failed, when the transport is already closed
     */
    public boolean register(CompletableFuture<?> result) {
        // Registered before the closed check, so close() either sees this stream or it sees closed.
        pending.add(result);
        result.whenComplete((value, failure) -> pending.remove(result));
        if (closed) {
            result.completeExceptionally(closedException());
            return false;
        }
        return true;
    }

    /** Fails every stream still under way; later registrations fail at once. */
    public void close() {
        closed = true;
        for (CompletableFuture<?> stream : pending) {
            stream.completeExceptionally(closedException());
        }
    }

    /**
     * Fails the result with a {@link TimeoutException} unless it completes first.
     *
     * @param executor the event loop that runs the deadline
     * @param result the stream's result
     * @param timeoutMillis from now
     * @param message the timeout's message
     */
    public static void scheduleDeadline(EventExecutor executor, CompletableFuture<?> result, long timeoutMillis,
                                        String message) {
        try {
            ScheduledFuture<?> deadline = executor.schedule(
                    () -> result.completeExceptionally(new TimeoutException(message)), timeoutMillis, TimeUnit.MILLISECONDS);
            result.whenComplete((value, failure) -> deadline.cancel(false));
        } catch (IllegalStateException | RejectedExecutionException e) {
            // The event loops are shutting down: the transport is being closed.
            result.completeExceptionally(new MemberlistException("transport is closed", e));
        }
    }

    private static MemberlistException closedException() {
        return new MemberlistException("transport is closed");
    }
}
