package dev.memberlist.sim;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.engine.Cancellable;
import dev.memberlist.engine.Clock;
import dev.memberlist.engine.Scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
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
 * <p>Each simulated node gets its own {@link #forNode view}, which runs the node's tasks one at a
 * time. It can be slowed down to model a node starved of CPU: work handed to it (inbound packets and
 * streams, continuations) waits for the node's processing delay, while its timers still fire on time,
 * as the OS clock keeps running. With a {@link CostModel} its work takes virtual time, so it falls
 * behind under load; a {@link NodeScheduler#pause pause} stops it altogether for a while.
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

    /**
     * Schedules an event of the world outside the nodes, such as a fault to inject or load to apply;
     * no node's delay, cost or pause holds it up.
     *
     * @param delay how far from now
     * @param event what happens then
     * @return cancels the event if it has not happened yet
     */
    public Cancellable later(Duration delay, Runnable event) {
        Task task = enqueue(delay.toNanos(), null, 0, event);
        return () -> task.cancelled = true;
    }

    /** Schedules a network delivery, which no node's processing delay, cost or pause affects. */
    void forNetwork(long delayNanos, Runnable delivery) {
        enqueue(delayNanos, null, 0, delivery);
    }

    private void runNext() {
        Task task = queue.poll();
        nowNanos = Math.max(nowNanos, task.dueNanos);
        if (task.cancelled) {
            return;
        }
        if (task.node != null) {
            task.node.due(task);
        } else {
            run(task);
        }
    }

    private void run(Task task) {
        executed++;
        task.runnable.run();
        String owner = task.node == null ? null : task.node.name;
        for (Consumer<String> check : afterEachTask) {
            check.accept(owner);
        }
    }

    private Task enqueue(long delayNanos, NodeScheduler node, long costNanos, Runnable runnable) {
        if (Thread.currentThread() != driver) {
            // Another thread would make the run unrepeatable (and corrupt the queue).
            throw new IllegalStateException("simulated tasks must be submitted from the simulation's thread, not "
                    + Thread.currentThread().getName());
        }
        Task task = new Task(nowNanos + Math.max(0, delayNanos), submitted++, node, costNanos, runnable);
        queue.add(task);
        return task;
    }

    /**
     * One node's scheduler on the shared virtual time; see {@link SimulatedScheduler}. Its tasks run
     * one at a time, in the order they fall due: with a {@link CostModel} each occupies the node for
     * its cost (and runs, so sends, at the end of it), and a {@link #pause} stops the node for a
     * while. Work that falls due while the node is busy or paused waits in its backlog.
     */
    public final class NodeScheduler implements Scheduler {
        private final String name;
        private final ArrayDeque<Task> backlog = new ArrayDeque<>();
        private long processingDelayNanos;
        private CostModel costs = CostModel.free();
        private PacketTypes packetTypes;
        private long deliveryCostNanos = -1;
        private long chargedNanos;
        private long pausedUntilNanos;
        private final List<Runnable> held = new ArrayList<>();
        private Task busyEnd;
        private Runnable atBusyEnd;
        private int maxBacklog;
        private long busyNanos;
        private long pausedNanos;

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

        /**
         * Makes the node's work take time from now on.
         *
         * @param model what work costs
         * @param config the node's configuration, to read its inbound packets as its engine does
         */
        public void costModel(CostModel model, MemberlistConfig config) {
            costs = model;
            packetTypes = new PacketTypes(config);
        }

        /**
         * Stops the node, as a stop-the-world pause does: for {@code length} from now it handles
         * nothing, the task it was running finishes that much later, and timers and work that fall
         * due meanwhile wait in its backlog. What the network brings meanwhile waits outside, as in
         * the kernel's socket buffers while the JVM's I/O threads stand still too, and is handed to
         * the node when the pause ends: after the timers that fell due, so a timeout can fire before
         * the ack that arrived in time. Pauses in a row add up.
         *
         * @param length how long the node stands still
         */
        public void pause(Duration length) {
            long nanos = length.toNanos();
            pausedNanos += nanos;
            pausedUntilNanos = Math.max(pausedUntilNanos, nowNanos) + nanos;
            enqueue(pausedUntilNanos - nowNanos, null, 0, this::releaseHeld);
            if (busyEnd == null) {
                occupy(nanos, () -> { });
                return;
            }
            busyEnd.cancelled = true;
            busyEnd = enqueue(busyEnd.dueNanos - nowNanos + nanos, null, 0, this::endBusy);
        }

        /**
         * Adds work to the task the node is running: the node stays busy that much longer after it.
         *
         * @param work what the running task spent beyond its cost, say in a delegate
         */
        public void charge(Duration work) {
            chargedNanos += work.toNanos();
        }

        /** @return how many due tasks wait for the node now */
        public int backlog() {
            return backlog.size();
        }

        /** @return the most tasks that ever waited for the node at once */
        public int maxBacklog() {
            return maxBacklog;
        }

        /** @return the virtual time the node spent working, by its cost model */
        public Duration busyTime() {
            return Duration.ofNanos(busyNanos);
        }

        /** @return the virtual time the node spent paused */
        public Duration pausedTime() {
            return Duration.ofNanos(pausedNanos);
        }

        @Override
        public void execute(Runnable task) {
            enqueue(processingDelayNanos, this, deliveryCostNanos >= 0 ? deliveryCostNanos : costs.taskNanos(), task);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            Task queued = enqueue(delay.toNanos(), this, costs.taskNanos(), task);
            return () -> queued.cancelled = true;
        }

        /** Hands the node a datagram: work it submits meanwhile costs what the datagram costs. */
        void deliverPacket(byte[] datagram, Runnable delivery) {
            if (nowNanos < pausedUntilNanos) {
                held.add(() -> deliverPacket(datagram, delivery));
                return;
            }
            deliver(costs.isFree() ? 0 : costs.packetNanos(packetTypes.of(datagram), datagram.length), delivery);
        }

        /** Hands the node stream bytes: work it submits meanwhile costs what the bytes cost. */
        void deliverStream(byte[] bytes, Runnable delivery) {
            if (nowNanos < pausedUntilNanos) {
                held.add(() -> deliverStream(bytes, delivery));
                return;
            }
            deliver(costs.streamNanos(bytes.length), delivery);
        }

        private void releaseHeld() {
            if (nowNanos < pausedUntilNanos) {
                return;
            }
            List<Runnable> deliveries = List.copyOf(held);
            held.clear();
            deliveries.forEach(Runnable::run);
        }

        private void deliver(long costNanos, Runnable delivery) {
            deliveryCostNanos = costNanos;
            try {
                delivery.run();
            } finally {
                deliveryCostNanos = -1;
            }
        }

        private void due(Task task) {
            if (busyEnd != null || !backlog.isEmpty()) {
                backlog.add(task);
                maxBacklog = Math.max(maxBacklog, backlog.size());
                return;
            }
            start(task);
        }

        private void start(Task task) {
            if (task.costNanos == 0) {
                runCharged(task);
                return;
            }
            busyNanos += task.costNanos;
            occupy(task.costNanos, () -> {
                if (!task.cancelled) {
                    runCharged(task);
                }
            });
        }

        private void runCharged(Task task) {
            run(task);
            long extraNanos = chargedNanos;
            chargedNanos = 0;
            if (extraNanos > 0) {
                busyNanos += extraNanos;
                occupy(extraNanos, () -> { });
            }
        }

        private void occupy(long nanos, Runnable atEnd) {
            atBusyEnd = atEnd;
            busyEnd = enqueue(nanos, null, 0, this::endBusy);
        }

        private void endBusy() {
            Runnable atEnd = atBusyEnd;
            busyEnd = null;
            atBusyEnd = null;
            atEnd.run();
            while (busyEnd == null && !backlog.isEmpty()) {
                Task next = backlog.poll();
                if (!next.cancelled) {
                    start(next);
                }
            }
        }
    }

    private static final class Task implements Comparable<Task> {
        final long dueNanos;
        final long sequence;
        final NodeScheduler node;
        final long costNanos;
        final Runnable runnable;
        boolean cancelled;

        Task(long dueNanos, long sequence, NodeScheduler node, long costNanos, Runnable runnable) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.node = node;
            this.costNanos = costNanos;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
