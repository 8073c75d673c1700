package dev.memberlist.transport.netty;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that streams may hold, together, while their frames arrive: for inbound streams, memory a
 * peer can claim before any label or key check. Each stream reserves what its buffer grows to and
 * gives it back when it closes. One per transport, shared by its connections. Thread-safe.
 */
final class StreamBufferBudget {

    private final long limitBytes;
    private final AtomicLong reservedBytes = new AtomicLong();

    /** @param limitBytes the most bytes reserved at once */
    StreamBufferBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** @return a budget that never refuses, for streams this node opened itself */
    static StreamBufferBudget unlimited() {
        return new StreamBufferBudget(Long.MAX_VALUE);
    }

    /**
     * Reserves as many bytes as are left, up to {@code atMost}, if that is at least {@code atLeast}.
     *
     * @param atLeast the bytes needed, at least 1
     * @param atMost the bytes wanted, at least {@code atLeast}
     * @return the bytes reserved, between {@code atLeast} and {@code atMost}; 0 when fewer than
     *     {@code atLeast} are left, and nothing was reserved
     */
    long reserve(long atLeast, long atMost) {
        long before = reservedBytes.getAndUpdate(reserved -> limitBytes - reserved >= atLeast
                ? reserved + Math.min(atMost, limitBytes - reserved) : reserved);
        long left = limitBytes - before;
        return left >= atLeast ? Math.min(atMost, left) : 0;
    }

    /** Gives back bytes reserved before. */
    void release(long bytes) {
        reservedBytes.addAndGet(-bytes);
    }

    /** @return the bytes reserved now */
    long reservedBytes() {
        return reservedBytes.get();
    }

    /** @return the most bytes that may be reserved at once */
    long limitBytes() {
        return limitBytes;
    }
}
