package dev.memberlist.sample.page;

import dev.memberlist.delegate.Delegate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spreads chat lines through the cluster on memberlist's gossip: each line rides a few outgoing
 * packets, and every node passes on a line the first time it sees it, so it reaches everyone
 * epidemically (memberlist itself never re-broadcasts user data). Thread-safe: the web thread
 * queues lines while the engine thread takes them.
 */
@Component
class ChatDelegate implements Delegate {

    /** How many packets carry each line from each node. */
    private static final int TRANSMITS = 3;
    private static final int REMEMBERED = 1_000;

    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    synchronized void say(String line) {
        remember(line);
        pending.add(new Pending(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void notifyMessage(byte[] message) {
        String line = new String(message, StandardCharsets.UTF_8);
        if (remember(line)) {
            pending.add(new Pending(message));
        }
    }

    @Override
    public synchronized List<byte[]> broadcasts(int overhead, int limit) {
        List<byte[]> out = new ArrayList<>();
        int used = 0;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending line = it.next();
            if (used + overhead + line.bytes.length <= limit) {
                used += overhead + line.bytes.length;
                out.add(line.bytes);
                if (--line.remaining == 0) {
                    it.remove();
                }
            }
        }
        return out;
    }

    /** @return whether the line is new */
    private boolean remember(String line) {
        boolean added = seen.add(line);
        if (seen.size() > REMEMBERED) {
            seen.remove(seen.iterator().next());
        }
        return added;
    }

    private static final class Pending {
        final byte[] bytes;
        int remaining = TRANSMITS;

        Pending(byte[] bytes) {
            this.bytes = bytes;
        }
    }
}
