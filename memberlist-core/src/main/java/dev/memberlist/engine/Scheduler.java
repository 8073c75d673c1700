package dev.memberlist.engine;

import java.time.Duration;

/**
 * Runs the engine's tasks, one at a time and in order, on the engine thread. Everything the
 * engine does (inbound packets, stream requests, timers, API commands) arrives through here, which
 * is why the engine needs no locks.
 *
 * <p>Implementations must run tasks sequentially (never two at once) and must be safe to call from
 * any thread.
 */
public interface Scheduler {

    /**
     * Runs a task as soon as possible, after the tasks already queued.
     *
     * @param task the task
     */
    void execute(Runnable task);

    /**
     * Runs a task after a delay.
     *
     * @param delay how long to wait; zero or negative means as soon as possible
     * @param task the task
     * @return a handle that cancels the task
     */
    Cancellable schedule(Duration delay, Runnable task);
}
