package dev.memberlist.agent;

import dev.memberlist.gossip.Broadcast;
import dev.memberlist.gossip.TransmitLimitedQueue;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * The user broadcasts of the {@code broadcast} command, each sent {@code retransmitMult × ceil(log10(n + 1))}
 * times like gopeer's {@code TransmitLimitedQueue}. Unlike memberlist's own broadcasts, none replaces
 * another. The queue itself is engine-thread only, so this guards it: commands queue from stdin's thread.
 */
final class UserBroadcasts {

    private final TransmitLimitedQueue queue;
    private long sequence;

    /**
     * @param retransmitMult the retransmit multiplier
     * @param numNodes the current number of members
     */
    UserBroadcasts(int retransmitMult, IntSupplier numNodes) {
        this.queue = new TransmitLimitedQueue(retransmitMult, numNodes);
    }

    synchronized void queue(byte[] message) {
        sequence++;
        queue.queue(new Broadcast("user-" + sequence, message, null));
    }

    synchronized List<byte[]> take(int overhead, int limit) {
        return queue.take(overhead, limit);
    }
}
