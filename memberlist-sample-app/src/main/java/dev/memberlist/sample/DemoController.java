package dev.memberlist.sample;

import dev.memberlist.Memberlist;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The cluster page's small API: this node's event feed, and chat lines to gossip. */
@RestController
@RequestMapping("/api")
class DemoController {

    private static final int MAX_LINE = 200;

    private final EventFeed feed;
    private final ChatDelegate chat;
    private final Memberlist memberlist;

    DemoController(EventFeed feed, ChatDelegate chat, Memberlist memberlist) {
        this.feed = feed;
        this.chat = chat;
        this.memberlist = memberlist;
    }

    @GetMapping("/events")
    List<EventFeed.Entry> events() {
        return feed.entries();
    }

    @PostMapping("/chat")
    ResponseEntity<Void> say(@RequestBody Map<String, String> body) {
        String text = body.getOrDefault("text", "").strip();
        if (text.isEmpty() || text.length() > MAX_LINE) {
            return ResponseEntity.badRequest().build();
        }
        chat.say(memberlist.localNode().name() + ": " + text);
        return ResponseEntity.accepted().build();
    }
}
