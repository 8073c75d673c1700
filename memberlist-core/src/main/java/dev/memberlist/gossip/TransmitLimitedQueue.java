package dev.memberlist.gossip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.IntSupplier;

import dev.memberlist.internal.ClusterMath;

/**
 * Broadcasts waiting to be piggybacked on outgoing packets, each sent a limited number of times
 * (Go's {@code TransmitLimitedQueue}). Messages sent fewer times go first; among those, longer
 * messages first (they are harder to fit), then newer ones. A broadcast is finished after
 * {@code RetransmitMult × ceil(log10(n + 1))} transmissions. Engine thread only.
 */
public final class TransmitLimitedQueue {

    private static final Comparator<Entry> ORDER = Comparator
            .comparingInt((Entry e) -> e.transmits)
            .thenComparing(Comparator.comparingInt((Entry e) -> e.length).reversed())
            .thenComparing(Comparator.comparingLong((Entry e) -> e.id).reversed());

    private final int retransmitMult;
    private final IntSupplier numNodes;
    private final NavigableSet<Entry> queue = new TreeSet<>(ORDER);
    private final Map<String, Entry> byName = new HashMap<>();
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
        Entry old = byName.remove(broadcast.name());
        if (old != null) {
            queue.remove(old);
            old.broadcast.finish();
        }
        if (queue.isEmpty()) {
            nextId = 0;
        }
        Entry entry = new Entry(broadcast, 0, ++nextId);
        queue.add(entry);
        byName.put(broadcast.name(), entry);
    }

    /**
     * Takes the messages to send in one packet (Go's {@code GetBroadcasts}).
     *
     * @param overhead bytes each message costs besides itself (the compound length field)
     * @param limit bytes available in the packet
     * @return the messages, in the order chosen; each counts as one transmission
     */
    public List<byte[]> take(int overhead, int limit) {
        if (queue.isEmpty()) {
            return List.of();
        }
        int transmitLimit = ClusterMath.retransmitLimit(retransmitMult, numNodes.getAsInt());
        List<byte[]> chosen = new ArrayList<>();
        List<Entry> reinsert = new ArrayList<>();
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
            byName.remove(fit.broadcast.name());
            used += overhead + fit.length;
            chosen.add(fit.broadcast.message());
            if (fit.transmits + 1 >= transmitLimit) {
                fit.broadcast.finish();
            } else {
                reinsert.add(new Entry(fit.broadcast, fit.transmits + 1, fit.id));
            }
        }
        for (Entry entry : reinsert) {
            queue.add(entry);
            byName.put(entry.broadcast.name(), entry);
        }
        return chosen;
    }

    /** @return how many broadcasts are queued */
    public int size() {
        return queue.size();
    }

    /** Finishes and drops every queued broadcast. */
    public void clear() {
        List<Entry> all = new ArrayList<>(queue);
        queue.clear();
        byName.clear();
        all.forEach(entry -> entry.broadcast.finish());
    }

    /** The first entry of a tier whose message fits in {@code free} bytes, in queue order. */
    private Entry firstFitting(int tier, int free) {
        Entry from = new Entry(null, tier, free, Long.MAX_VALUE);
        Entry to = new Entry(null, tier + 1, Integer.MAX_VALUE, Long.MAX_VALUE);
        NavigableSet<Entry> range = queue.subSet(from, true, to, false);
        return range.isEmpty() ? null : range.first();
    }

    private static final class Entry {
        final Broadcast broadcast;
        final int transmits;
        final int length;
        final long id;

        Entry(Broadcast broadcast, int transmits, long id) {
            this(broadcast, transmits, broadcast.message().length, id);
        }

        Entry(Broadcast broadcast, int transmits, int length, long id) {
            this.broadcast = broadcast;
            this.transmits = transmits;
            this.length = length;
            this.id = id;
        }
    }
}
