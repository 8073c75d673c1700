package dev.memberlist.engine;

import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageType;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * Gossip and user messages from datagrams, waiting while probe traffic is handled (Go's
 * {@code highPriorityMsgQueue} and {@code lowPriorityMsgQueue}): alive messages first, because they
 * let a suspected node refute, then suspect, dead and user messages, each newest first. Each of the
 * two holds at most {@code depth} messages; a message that finds its queue full is refused. Engine
 * thread only.
 */
final class QueuedMessages {

    /** One waiting message and the address it came from. */
    record Queued(Message message, InetSocketAddress from) {
    }

    private final int depth;
    private final ArrayDeque<Queued> alive = new ArrayDeque<>();
    private final ArrayDeque<Queued> others = new ArrayDeque<>();

    /** @param depth the most messages each of the two queues holds */
    QueuedMessages(int depth) {
        this.depth = depth;
    }

    /** @return whether the message was queued; false when its queue is full */
    boolean offer(Message message, InetSocketAddress from) {
        ArrayDeque<Queued> queue = message.type() == MessageType.ALIVE ? alive : others;
        if (queue.size() >= depth) {
            return false;
        }
        queue.addLast(new Queued(message, from));
        return true;
    }

    /** @return the next message to handle, or null when none waits */
    Queued poll() {
        Queued next = alive.pollLast();
        return next != null ? next : others.pollLast();
    }

    boolean isEmpty() {
        return alive.isEmpty() && others.isEmpty();
    }

    void clear() {
        alive.clear();
        others.clear();
    }
}
