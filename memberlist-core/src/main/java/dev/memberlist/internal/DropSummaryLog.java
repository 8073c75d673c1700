package dev.memberlist.internal;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logs drops as one WARN line per interval with the count since the last line, instead of one line
 * per drop: under a flood, drops come by the hundred thousand a minute. The first drop is logged at
 * once. Telemetry still counts every drop; this only keeps the log readable. Thread-safe and
 * lock-free.
 */
public final class DropSummaryLog {

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong nextLogNanos;

    /**
     * @param log where the lines go
     * @param what what is dropped and why, e.g. "inbound datagrams: the engine's handoff queue is full"
     * @param interval the shortest time between two lines
     * @param nanoTime a monotonic clock
     */
    public DropSummaryLog(Logger log, String what, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.nextLogNanos = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * Counts one drop, and writes the summary line when the interval has passed.
     *
     * @return how many drops the line written now reports; 0 when no line was written
     */
    public long dropped() {
        unreported.incrementAndGet();
        long now = nanoTime.getAsLong();
        long next = nextLogNanos.get();
        if (now - next < 0 || !nextLogNanos.compareAndSet(next, now + intervalNanos)) {
            return 0;
        }
        long reported = unreported.getAndSet(0);
        log.warn("Dropped {} {} (at most one such line every {} s)", reported, what,
                Duration.ofNanos(intervalNanos).toSeconds());
        return reported;
    }
}
