package dev.memberlist.probe;

import dev.memberlist.engine.Cancellable;
import dev.memberlist.engine.Scheduler;
import dev.memberlist.wire.Bytes;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Pending pings by sequence number (Go's {@code ackHandlers}), and the sequence number counter.
 * Engine thread only.
 */
public final class AckTracker {

    private final Scheduler scheduler;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long lastSeqNo;

    /**
     * @param scheduler runs the deadlines
     */
    public AckTracker(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @return the next sequence number, a u32 that wraps around as Go's does */
    public long nextSeqNo() {
        lastSeqNo = (lastSeqNo + 1) & 0xffff_ffffL;
        return lastSeqNo;
    }

    /**
     * Waits for the ack of a ping.
     *
     * @param seqNo the ping's sequence number
     * @param timeout how long to wait
     * @param handler what to do
     */
    public void expect(long seqNo, Duration timeout, AckHandler handler) {
        Pending entry = new Pending(handler);
        Pending replaced = pending.put(seqNo, entry);
        if (replaced != null) {
            replaced.deadline.cancel();
        }
        entry.deadline = scheduler.schedule(timeout, () -> {
            if (pending.remove(seqNo, entry)) {
                handler.onExpired();
            }
        });
    }

    /**
     * Delivers an ack; unknown sequence numbers (late or foreign acks) are ignored.
     *
     * @param seqNo the acked sequence number
     * @param payload the ack's payload
     * @param receivedAtNanos when it arrived
     */
    public void ack(long seqNo, Bytes payload, long receivedAtNanos) {
        Pending entry = pending.remove(seqNo);
        if (entry != null) {
            entry.deadline.cancel();
            entry.handler.onAck(payload, receivedAtNanos);
        }
    }

    /**
     * Delivers a nack; unknown sequence numbers are ignored.
     *
     * @param seqNo the nacked sequence number
     */
    public void nack(long seqNo) {
        Pending entry = pending.get(seqNo);
        if (entry != null) {
            entry.handler.onNack();
        }
    }

    /** Drops every pending ping without calling its handler, at shutdown. */
    public void clear() {
        pending.values().forEach(entry -> entry.deadline.cancel());
        pending.clear();
    }

    private static final class Pending {
        final AckHandler handler;
        Cancellable deadline = () -> { };

        Pending(AckHandler handler) {
            this.handler = handler;
        }
    }
}
