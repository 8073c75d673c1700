package dev.memberlist.sample.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open cluster pages, each a server-sent event stream from the app's own API, so the page
 * works whatever port or security the actuator has. A page receives {@code snapshot} when it opens
 * (the view, the kept samples and the event feed), then {@code tick} every second and {@code event}
 * as things happen. A page that goes away is dropped at the next send. Thread-safe.
 */
@Component
class ClusterStream {

    private static final Logger log = LoggerFactory.getLogger(ClusterStream.class);

    /** A browser's EventSource reconnects by itself after this, and receives a fresh snapshot. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();

    synchronized SseEmitter open(PageSnapshot snapshot) {
        SseEmitter page = new SseEmitter(STREAM_LIFETIME.toMillis());
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(page::complete);
        page.onError(error -> pages.remove(page));
        if (send(page, "snapshot", snapshot)) {
            pages.add(page);
        }
        return page;
    }

    synchronized void tick(PageTick tick) {
        sendToAll("tick", tick);
    }

    synchronized void event(EventFeed.Entry entry) {
        sendToAll("event", entry);
    }

    /** Ends every stream before the web server drains, so open pages never hold up shutdown. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        pages.forEach(SseEmitter::complete);
        pages.clear();
    }

    private void sendToAll(String name, Object data) {
        for (SseEmitter page : pages) {
            if (!send(page, name, data)) {
                pages.remove(page);
            }
        }
    }

    private static boolean send(SseEmitter page, String name, Object data) {
        try {
            page.send(SseEmitter.event().name(name).data(data));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("cluster page went away: {}", e.toString());
            page.completeWithError(e);
            return false;
        }
    }
}
