package dev.memberlist;

import dev.memberlist.engine.Cancellable;
import dev.memberlist.engine.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The production engine thread: one named daemon thread running every engine task in order. A task
 * that throws is logged and does not stop the thread. Thread-safe.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    /**
     * @param nodeName names the thread {@code memberlist-engine-<nodeName>}
     */
    public ExecutorScheduler(String nodeName) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "memberlist-engine-" + nodeName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(task));
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** @return whether the caller is running on the engine thread */
    public boolean inEngineThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Stops the thread after the running task; waits up to five seconds for it unless called from
     * the engine thread itself.
     */
    @Override
    public void close() {
        executor.shutdown();
        if (inEngineThread()) {
            return;
        }
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The engine thread did not stop within 5 seconds");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("An engine task failed", e);
            }
        };
    }
}
