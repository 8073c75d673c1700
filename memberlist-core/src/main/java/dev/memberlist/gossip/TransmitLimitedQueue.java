package dev.memberlist.gossip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

import dev.memberlist.internal.ClusterMath;

/**
 * Broadcasts waiting to be piggybacked on outgoing packets, each sent a limited number of times
 * (Go's {@code TransmitLimitedQueue}). Messages sent fewer times go first; among those, longer
 * messages first (they are harder to fit), then newer ones. A broadcast is finished after
 * {@code RetransmitMult × ceil(log10(n + 1))} transmissions.
 *
 * <p>Thread-safe, as Go's is: an application may queue its own broadcasts from any thread while the
 * engine thread takes them. A broadcast's {@code onFinished} runs on the thread whose call finished
 * it, after the queue's lock is released, so it may queue again.
 *
 * <p>In a large cluster every node holds one entry per recently learned node and takes a dozen
 * entries per packet, so an entry keeps its place in the name index while it is taken and sent
 * again, and the order is one hand-written comparison.
 */
public final class TransmitLimitedQueue {

    /** Go's order: transmits ascending, then length descending, then id descending (newest first). */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        if (a.transmits != b.transmits) {
            return a.transmits < b.transmits ? -1 : 1;
        }
        if (a.length != b.length) {
            return a.length > b.length ? -1 : 1;
        }
        return Long.compare(b.id, a.id);
    };

    private final int retransmitMult;
    private final IntSupplier numNodes;
    private final NavigableSet<Entry> queue = new TreeSet<>(ORDER);
    private final Map<String, Entry> byName = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** The search key of {@link #firstFitting}, reused under the lock. */
    private final Entry probe = new Entry("", new byte[0], null, Long.MAX_VALUE);
    private long nextId;

    /**
     * @param retransmitMult the retransmit multiplier
     * @param numNodes the current cluster size estimate, read on every {@link #take}
     */
    public TransmitLimitedQueue(int retransmitMult, IntSupplier numNodes) {
        this.retransmitMult = retransmitMult;
        this.numNodes = numNodes;
    }

    /**
     * Queues a broadcast, finishing and dropping a queued one with the same name.
     *
     * @param broadcast the broadcast
     */
    public void queue(Broadcast broadcast) {
        Entry old;
        lock.lock();
        try {
            old = byName.remove(broadcast.name());
            if (old != null) {
                queue.remove(old);
            }
            if (queue.isEmpty()) {
                nextId = 0;
            }
            Entry entry = new Entry(broadcast.name(), broadcast.message(), broadcast.onFinished(), ++nextId);
            queue.add(entry);
            byName.put(entry.name, entry);
        } finally {
            lock.unlock();
        }
        if (old != null) {
            old.finish();
        }
    }

    /**
     * Takes the messages to send in one packet (Go's {@code GetBroadcasts}).
     *
     * @param overhead bytes each message costs besides itself (the compound length field)
     * @param limit bytes available in the packet
     * @return the messages, in the order chosen; each counts as one transmission
     */
    public List<byte[]> take(int overhead, int limit) {
        List<Entry> finished = new ArrayList<>();
        List<byte[]> chosen;
        lock.lock();
        try {
            chosen = takeLocked(overhead, limit, finished);
        } finally {
            lock.unlock();
        }
        finished.forEach(Entry::finish);
        return chosen;
    }

    private List<byte[]> takeLocked(int overhead, int limit, List<Entry> finished) {
        if (queue.isEmpty()) {
            return List.of();
        }
        int transmitLimit = ClusterMath.retransmitLimit(retransmitMult, numNodes.getAsInt());
        List<byte[]> chosen = new ArrayList<>();
        List<Entry> sent = new ArrayList<>();
        int used = 0;
        int tier = queue.first().transmits;
        int maxTier = queue.last().transmits;
        while (tier <= maxTier) {
            int free = limit - used - overhead;
            if (free <= 0) {
                break;
            }
            Entry fit = firstFitting(tier, free);
            if (fit == null) {
                tier++;
                continue;
            }
            queue.remove(fit);
            used += overhead + fit.length;
            chosen.add(fit.message);
            if (fit.transmits + 1 >= transmitLimit) {
                byName.remove(fit.name);
                finished.add(fit);
            } else {
                sent.add(fit);
            }
        }
        // Counted only now, so that a message taken from one tier is not found again in the next.
        for (Entry entry : sent) {
            entry.transmits++;
            queue.add(entry);
        }
        return chosen;
    }

    /** @return how many broadcasts are queued */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Finishes and drops every queued broadcast. */
    public void clear() {
        List<Entry> all;
        lock.lock();
        try {
            all = new ArrayList<>(queue);
            queue.clear();
            byName.clear();
        } finally {
            lock.unlock();
        }
        all.forEach(Entry::finish);
    }

    /** The first entry of a tier whose message fits in {@code free} bytes, in queue order. */
    private Entry firstFitting(int tier, int free) {
        probe.transmits = tier;
        probe.length = free;
        Entry candidate = queue.ceiling(probe);
        return candidate != null && candidate.transmits == tier ? candidate : null;
    }

    /**
     * A queued broadcast, its fields copied out of the {@link Broadcast} (one object less for each
     * of the thousands a node queues in a large cluster); {@code transmits} changes only while the
     * entry is out of the tree.
     */
    private static final class Entry {
        final String name;
        final byte[] message;
        final Runnable onFinished;
        final long id;
        int transmits;
        int length;

        Entry(String name, byte[] message, Runnable onFinished, long id) {
            this.name = name;
            this.message = message;
            this.onFinished = onFinished;
            this.length = message.length;
            this.id = id;
        }

        void finish() {
            if (onFinished != null) {
                onFinished.run();
            }
        }
    }
}
