package dev.memberlist.sim;

import dev.memberlist.engine.Cancellable;
import dev.memberlist.engine.Clock;
import dev.memberlist.engine.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Virtual time for simulations: a queue of tasks ordered by due time (then by submission), run one
 * at a time on the caller's thread by {@link #runFor} and {@link #runUntil}. Time only moves when
 * the simulation says so, which makes every run repeatable. Not thread-safe: one thread drives it.
 *
 * <p>Each simulated node gets its own {@link #forNode view}, which can be slowed down to model a
 * node starved of CPU: work handed to it (inbound packets and streams, continuations) waits for the
 * node's processing delay, while its timers still fire on time, as the OS clock keeps running.
 */
public final class SimulatedScheduler implements Clock {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final List<Consumer<String>> afterEachTask = new ArrayList<>();
    private final Thread driver = Thread.currentThread();
    private long nowNanos;
    private long submitted;
    private long executed;

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    /** @return virtual time elapsed since the start */
    public Duration elapsed() {
        return Duration.ofNanos(nowNanos);
    }

    /** @return how many tasks have run */
    public long executedTasks() {
        return executed;
    }

    /**
     * @param name the node's name, for failure messages
     * @return a scheduler whose tasks run on this virtual time
     */
    public NodeScheduler forNode(String name) {
        return new NodeScheduler(name);
    }

    /**
     * Registers a check to run after every task, such as an invariant.
     *
     * @param check told the name of the node whose task ran (null for network deliveries); it
     *     throws to fail the simulation
     */
    public void afterEachTask(Consumer<String> check) {
        afterEachTask.add(check);
    }

    /**
     * Runs every task due within {@code duration}, then sets the clock to its end.
     *
     * @param duration virtual time to advance
     */
    public void runFor(Duration duration) {
        long end = nowNanos + duration.toNanos();
        while (!queue.isEmpty() && queue.peek().dueNanos <= end) {
            runNext();
        }
        nowNanos = end;
    }

    /**
     * Runs until a condition holds, checking it every {@code step} of virtual time (cheaper than
     * after every task when the condition looks at a whole cluster), or until {@code limit}.
     *
     * @param condition what to wait for
     * @param limit the most virtual time to run
     * @param step how often to check
     * @return whether the condition holds
     */
    public boolean runUntil(BooleanSupplier condition, Duration limit, Duration step) {
        long end = nowNanos + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (nowNanos >= end) {
                return false;
            }
            runFor(Duration.ofNanos(Math.min(step.toNanos(), end - nowNanos)));
        }
        return true;
    }

    /**
     * Runs tasks until a condition holds, checking it after each task, or until {@code limit}.
     *
     * @param condition what to wait for
     * @param limit the most virtual time to run
     * @return whether the condition holds
     */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        long end = nowNanos + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (queue.isEmpty() || queue.peek().dueNanos > end) {
                nowNanos = Math.max(nowNanos, end);
                return condition.getAsBoolean();
            }
            runNext();
        }
        return true;
    }

    /** Schedules a network delivery, which no node's processing delay affects. */
    void forNetwork(long delayNanos, Runnable delivery) {
        enqueue(delayNanos, null, delivery);
    }

    private void runNext() {
        Task task = queue.poll();
        nowNanos = Math.max(nowNanos, task.dueNanos);
        if (!task.cancelled) {
            executed++;
            task.runnable.run();
            for (Consumer<String> check : afterEachTask) {
                check.accept(task.owner);
            }
        }
    }

    private Task enqueue(long delayNanos, String owner, Runnable runnable) {
        if (Thread.currentThread() != driver) {
            // Another thread would make the run unrepeatable (and corrupt the queue).
            throw new IllegalStateException("simulated tasks must be submitted from the simulation's thread, not "
                    + Thread.currentThread().getName());
        }
        Task task = new Task(nowNanos + Math.max(0, delayNanos), submitted++, owner, runnable);
        queue.add(task);
        return task;
    }

    /** One node's scheduler on the shared virtual time; see {@link SimulatedScheduler}. */
    public final class NodeScheduler implements Scheduler {
        private final String name;
        private long processingDelayNanos;

        private NodeScheduler(String name) {
            this.name = name;
        }

        /** @return the node's name */
        public String name() {
            return name;
        }

        /**
         * Slows the node down: from now on, work handed to it runs this much later.
         *
         * @param delay the extra delay; zero restores normal speed
         */
        public void processingDelay(Duration delay) {
            processingDelayNanos = delay.toNanos();
        }

        @Override
        public void execute(Runnable task) {
            enqueue(processingDelayNanos, name, task);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            Task queued = enqueue(delay.toNanos(), name, task);
            return () -> queued.cancelled = true;
        }
    }

    private static final class Task implements Comparable<Task> {
        final long dueNanos;
        final long sequence;
        final String owner;
        final Runnable runnable;
        boolean cancelled;

        Task(long dueNanos, long sequence, String owner, Runnable runnable) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.owner = owner;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
