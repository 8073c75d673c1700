package dev.memberlist.sample.page;

import dev.memberlist.Node;
import dev.memberlist.spring.event.MemberConflictEvent;
import dev.memberlist.spring.event.MemberJoinedEvent;
import dev.memberlist.spring.event.MemberLeftEvent;
import dev.memberlist.spring.event.MemberUpdatedEvent;
import dev.memberlist.spring.event.UserMessageReceivedEvent;
import dev.memberlist.transport.SeedAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What this node has seen happen, newest first, for the cluster page: one {@code @EventListener}
 * per memberlist event, which is all an application needs to react to membership changes. Each new
 * entry goes to the open pages at once. Thread-safe.
 */
@Component
class EventFeed {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
    private static final int KEPT = 100;

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final ClusterStream stream;

    EventFeed(ClusterStream stream) {
        this.stream = stream;
    }

    /**
     * @param at when it happened
     * @param kind join, left, failed, update, conflict or message
     * @param text what happened
     */
    record Entry(Instant at, String kind, String text) {
    }

    @EventListener
    void joined(MemberJoinedEvent event) {
        add("join", event.getMember().name() + " joined from " + where(event.getMember()));
    }

    @EventListener
    void left(MemberLeftEvent event) {
        boolean failed = event.getReason() == MemberLeftEvent.Reason.FAILED;
        add(failed ? "failed" : "left", event.getMember().name() + (failed ? " failed" : " left"));
    }

    @EventListener
    void updated(MemberUpdatedEvent event) {
        add("update", event.getMember().name() + " updated its metadata");
    }

    @EventListener
    void conflict(MemberConflictEvent event) {
        add("conflict", "name conflict: " + event.getMember().name() + " claimed from " + where(event.getOther()));
    }

    @EventListener
    void message(UserMessageReceivedEvent event) {
        message(new String(event.getMessage(), StandardCharsets.UTF_8));
    }

    /**
     * Records a chat line once: the chat passes every line on, so a node hears its own lines and
     * others' again.
     *
     * @param line the line, sent from here or received
     */
    synchronized void message(String line) {
        boolean seen = entries.stream().anyMatch(entry -> entry.kind().equals("message") && entry.text().equals(line));
        if (!seen) {
            add("message", line);
        }
    }

    /** @return the entries, newest first */
    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    private synchronized void add(String kind, String text) {
        log.info("{}: {}", kind, text);
        Entry entry = new Entry(Instant.now(), kind, text);
        entries.addFirst(entry);
        if (entries.size() > KEPT) {
            entries.removeLast();
        }
        stream.event(entry);
    }

    private static String where(Node node) {
        return SeedAddress.format(node.socketAddress());
    }
}
