package dev.memberlist.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The futures handed out and not yet completed, so that a shutdown can fail every one of them with
 * a clear cause instead of leaving callers waiting forever. Once {@linkplain #failAll failed}, it
 * fails every future tracked afterwards at once. Thread-safe.
 */
public final class PendingFutures {

    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile Supplier<? extends Throwable> closedCause;

    /**
     * Tracks a future until it completes.
     *
     * @param future a future handed out
     * @param <T> its value type
     * @return the same future
     */
    public <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        if (future.isDone()) {
            return future;
        }
        pending.add(future);
        future.whenComplete((value, failure) -> pending.remove(future));
        Supplier<? extends Throwable> cause = closedCause;
        if (cause != null) {
            failPending(cause);
        }
        return future;
    }

    /**
     * Fails every pending future, and every one tracked from now on.
     *
     * @param cause makes the failure of each future (one exception each, so none shares a stack trace)
     */
    public void failAll(Supplier<? extends Throwable> cause) {
        closedCause = cause;
        failPending(cause);
    }

    /** @return how many futures are pending */
    public int size() {
        return pending.size();
    }

    private void failPending(Supplier<? extends Throwable> cause) {
        for (CompletableFuture<?> future : List.copyOf(pending)) {
            future.completeExceptionally(cause.get());
        }
    }
}
