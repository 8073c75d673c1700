package dev.memberlist.sample.page;

import dev.memberlist.Memberlist;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * What the cluster page can ask of this node: gossip a chat line, or leave the cluster. Both change
 * the cluster, so the sample serves HTTP on loopback only unless {@code server.address} says
 * otherwise; a real application would put them behind authentication.
 */
@RestController
@RequestMapping("/api")
class ClusterActionsController {

    private static final int MAX_LINE = 200;

    private final ChatDelegate chat;
    private final EventFeed feed;
    private final Memberlist memberlist;
    private final Duration leaveTimeout;

    ClusterActionsController(ChatDelegate chat, EventFeed feed, Memberlist memberlist,
            @Value("${memberlist.leave-timeout:5s}") Duration leaveTimeout) {
        this.chat = chat;
        this.feed = feed;
        this.memberlist = memberlist;
        this.leaveTimeout = leaveTimeout;
    }

    @PostMapping("/chat")
    ResponseEntity<Void> say(@RequestBody Map<String, String> body) {
        String text = body.getOrDefault("text", "").strip();
        if (text.isEmpty() || text.length() > MAX_LINE) {
            return ResponseEntity.badRequest().build();
        }
        String line = memberlist.localNode().name() + ": " + text;
        chat.say(line);
        feed.message(line);
        return ResponseEntity.accepted().build();
    }

    /** Leaves gracefully; the node keeps running, out of the cluster, until the app stops. */
    @PostMapping("/leave")
    ResponseEntity<Void> leave() {
        memberlist.leave(leaveTimeout);
        return ResponseEntity.accepted().build();
    }
}
