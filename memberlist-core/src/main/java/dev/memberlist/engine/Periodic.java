package dev.memberlist.engine;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A task that repeats on the engine thread, first after a random stagger within one period (so
 * nodes started together don't act in lockstep, as Go staggers its tickers), then once per period.
 * The period is read again before each wait, so it can follow the cluster size. Engine thread only.
 */
final class Periodic implements Cancellable {

    private final Scheduler scheduler;
    private final Supplier<Duration> period;
    private final Runnable task;
    private Cancellable next = () -> { };
    private boolean cancelled;

    private Periodic(Scheduler scheduler, Supplier<Duration> period, Runnable task) {
        this.scheduler = scheduler;
        this.period = period;
        this.task = task;
    }

    /**
     * @param scheduler runs the task
     * @param stagger the first delay
     * @param period the delay between runs, read before each wait
     * @param task the task
     * @return a handle that stops the repetition
     */
    static Periodic start(Scheduler scheduler, Duration stagger, Supplier<Duration> period, Runnable task) {
        Periodic periodic = new Periodic(scheduler, period, task);
        periodic.next = scheduler.schedule(stagger, periodic::fire);
        return periodic;
    }

    private void fire() {
        if (cancelled) {
            return;
        }
        next = scheduler.schedule(period.get(), this::fire);
        task.run();
    }

    @Override
    public void cancel() {
        cancelled = true;
        next.cancel();
    }
}
