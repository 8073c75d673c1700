package dev.memberlist.interop;

import dev.memberlist.Node;
import dev.memberlist.delegate.EventDelegate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A thread-safe {@link EventDelegate} that keeps every membership event in order. */
final class RecordingEvents implements EventDelegate {

    /** What happened. */
    enum Kind { JOIN, LEAVE, UPDATE }

    /**
     * One event.
     *
     * @param kind what happened
     * @param node the node as it was then
     */
    record Event(Kind kind, Node node) {
        /** @return the node's metadata as text */
        String meta() {
            return new String(node.meta(), StandardCharsets.UTF_8);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void notifyJoin(Node node) {
        events.add(new Event(Kind.JOIN, node));
    }

    @Override
    public void notifyLeave(Node node) {
        events.add(new Event(Kind.LEAVE, node));
    }

    @Override
    public void notifyUpdate(Node node) {
        events.add(new Event(Kind.UPDATE, node));
    }

    /**
     * @param kind what happened
     * @param name the node's name
     * @return those events about that node, in order
     */
    List<Event> of(Kind kind, String name) {
        return events.stream().filter(e -> e.kind() == kind && e.node().name().equals(name)).toList();
    }

    /** @return every event so far */
    List<Event> all() {
        return List.copyOf(events);
    }
}
