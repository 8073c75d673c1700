package dev.memberlist;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends best-effort user messages from one node to another at a steady rate for a while, from a
 * daemon thread: every millisecond it sends the messages due by then (so it catches up after a
 * late wake-up), and sleeps in between. Thread-safe.
 */
final class PacedSender {

    private static final long TICK_NANOS = Duration.ofMillis(1).toNanos();

    private final Memberlist from;
    private final String to;
    private final int perSecond;
    private final byte[] payload;
    private final long lengthNanos;
    private final LongAdder failed = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long sent;

    private PacedSender(Memberlist from, String to, int perSecond, byte[] payload, Duration length) {
        this.from = from;
        this.to = to;
        this.perSecond = perSecond;
        this.payload = payload.clone();
        this.lengthNanos = length.toNanos();
        this.thread = new Thread(this::send, "paced-sender");
        thread.setDaemon(true);
    }

    /**
     * @param from the sending node
     * @param to the receiving node's name
     * @param perSecond messages a second
     * @param payload each message's bytes
     * @param length how long to send
     * @return the running sender
     */
    static PacedSender start(Memberlist from, String to, int perSecond, byte[] payload, Duration length) {
        PacedSender sender = new PacedSender(from, to, perSecond, payload, length);
        sender.thread.start();
        return sender;
    }

    /** @return completes when the sender has sent for its length, or was stopped */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /** @return messages handed to the node so far */
    long sent() {
        return sent;
    }

    /** @return messages whose send completed (written or failed): the rest still wait to be written */
    long done() {
        return done.sum();
    }

    /** @return messages the node failed to send */
    long failed() {
        return failed.sum();
    }

    /** Stops sending and waits up to a second for the thread. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send() {
        long start = System.nanoTime();
        long count = 0;
        try {
            while (!stopped) {
                long elapsed = Math.min(System.nanoTime() - start, lengthNanos);
                long due = elapsed * perSecond / 1_000_000_000L;
                for (; count < due && !stopped; count++) {
                    from.sendBestEffort(to, payload).whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            failed.increment();
                        }
                        done.increment();
                    });
                }
                sent = count;
                if (elapsed >= lengthNanos) {
                    return;
                }
                LockSupport.parkNanos(TICK_NANOS);
            }
        } finally {
            finished.complete(null);
        }
    }
}
