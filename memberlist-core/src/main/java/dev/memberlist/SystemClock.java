package dev.memberlist;

import dev.memberlist.engine.Clock;

/** The real monotonic clock, {@link System#nanoTime()}. Thread-safe. */
public final class SystemClock implements Clock {

    /** The one instance. */
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
