package dev.memberlist.sample.page;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/** What the cluster page reads: a live stream of the cluster, and the event feed on its own. */
@RestController
@RequestMapping("/api")
class PageController {

    private final ClusterSampler sampler;
    private final ClusterStream stream;
    private final EventFeed feed;

    PageController(ClusterSampler sampler, ClusterStream stream, EventFeed feed) {
        this.sampler = sampler;
        this.stream = stream;
        this.feed = feed;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open(sampler.snapshot(feed.entries()));
    }

    @GetMapping("/events")
    List<EventFeed.Entry> events() {
        return feed.entries();
    }
}
