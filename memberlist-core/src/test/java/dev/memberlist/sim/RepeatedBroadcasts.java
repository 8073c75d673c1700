package dev.memberlist.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * User broadcasts for test delegates, each handed out a fixed number of times: what a
 * {@link dev.memberlist.delegate.Delegate#broadcasts(int, int)} returns, taking as many queued
 * broadcasts as fit the byte limit. Not thread-safe; callers that share it across threads lock.
 */
final class RepeatedBroadcasts {

    private final List<Pending> pending = new ArrayList<>();

    /**
     * @param message the broadcast's bytes
     * @param transmits how many packets carry it
     */
    void add(byte[] message, int transmits) {
        pending.add(new Pending(message, transmits));
    }

    /**
     * @param overhead the bytes each broadcast costs on top of its own
     * @param limit the bytes available for all of them
     * @return the broadcasts that fit, each counted as sent once more
     */
    List<byte[]> take(int overhead, int limit) {
        List<byte[]> out = new ArrayList<>();
        int used = 0;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending next = it.next();
            if (used + overhead + next.bytes.length > limit) {
                continue;
            }
            used += overhead + next.bytes.length;
            out.add(next.bytes);
            if (--next.remaining == 0) {
                it.remove();
            }
        }
        return out;
    }

    private static final class Pending {
        final byte[] bytes;
        int remaining;

        Pending(byte[] bytes, int remaining) {
            this.bytes = bytes;
            this.remaining = remaining;
        }
    }
}
