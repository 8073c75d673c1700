package dev.memberlist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Daemon threads that keep cores busy, for load tests: each spins until {@link #stop}. Thread-safe.
 */
final class CpuSpinners {

    private final int threads;
    private final List<Thread> running = new ArrayList<>();
    private final LongAdder loops = new LongAdder();
    private volatile boolean spinning;

    /** @param threads how many cores to keep busy */
    CpuSpinners(int threads) {
        this.threads = threads;
    }

    /** Starts the threads. */
    synchronized void start() {
        spinning = true;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::spin, "cpu-spinner-" + i);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
    }

    /** Stops the threads and waits up to a second for each; does nothing when none runs. */
    synchronized void stop() {
        spinning = false;
        for (Thread thread : running) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }

    /** @return how many million iterations the threads ran: how much CPU they got */
    long loops() {
        return loops.sum();
    }

    private void spin() {
        long x = 1;
        while (spinning) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            loops.increment();
        }
        if (x == 42) {
            // Keeps the loop's result alive, so the JIT cannot remove the loop.
            System.out.print("");
        }
    }
}
