package dev.memberlist.sample.page;

import dev.memberlist.Memberlist;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.spring.MemberCounts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks at the node once a second: builds the {@link ClusterView} the member table shows, a
 * {@link Sample} for the charts (kept for the last {@value #KEPT_SAMPLES} seconds, so a page opened
 * late still draws the last minutes), and pushes both to every open page. Remembers when each
 * member's state last changed, which memberlist itself does not report. Thread-safe.
 */
@Component
class ClusterSampler {

    static final int KEPT_SAMPLES = 300;

    private final Memberlist memberlist;
    private final TrafficTelemetry traffic;
    private final ClusterStream stream;
    private final Clock clock;
    private final Deque<Sample> history = new ArrayDeque<>();
    private final Map<String, StateSince> states = new HashMap<>();
    private TrafficTelemetry.Totals lastTotals;
    private long lastAtMillis;

    ClusterSampler(Memberlist memberlist, TrafficTelemetry traffic, ClusterStream stream) {
        this.memberlist = memberlist;
        this.traffic = traffic;
        this.stream = stream;
        this.clock = Clock.systemUTC();
        this.lastTotals = traffic.totals();
        this.lastAtMillis = clock.millis();
    }

    /** Takes one sample and pushes it, with the current view, to every open page. */
    @Scheduled(fixedRate = 1_000, initialDelay = 1_000)
    void sampleAndPush() {
        if (!memberlist.isStarted() || memberlist.isShutdown()) {
            return;
        }
        stream.tick(sample());
    }

    /**
     * @param feed the event feed, newest first
     * @return the view, every kept sample and the feed, for a page that has just opened
     */
    synchronized PageSnapshot snapshot(List<EventFeed.Entry> feed) {
        return new PageSnapshot(view(clock.millis()), List.copyOf(history), feed);
    }

    /** @return the view now and a new sample, which is kept */
    synchronized PageTick sample() {
        long now = clock.millis();
        ClusterView view = view(now);
        TrafficTelemetry.Totals totals = traffic.totals();
        double seconds = Math.max(now - lastAtMillis, 1) / 1_000.0;
        Map<String, Double> rtt = new LinkedHashMap<>();
        for (MemberView member : view.members()) {
            if (member.rttMillis() != null) {
                rtt.put(member.name(), member.rttMillis());
            }
        }
        Sample sample = new Sample(now, view.healthScore(),
                (totals.messagesReceived() - lastTotals.messagesReceived()) / seconds,
                (totals.messagesSent() - lastTotals.messagesSent()) / seconds,
                (totals.bytesReceived() - lastTotals.bytesReceived()) / seconds,
                (totals.bytesSent() - lastTotals.bytesSent()) / seconds,
                rtt);
        lastTotals = totals;
        lastAtMillis = now;
        history.addLast(sample);
        if (history.size() > KEPT_SAMPLES) {
            history.removeFirst();
        }
        return new PageTick(view, sample);
    }

    private ClusterView view(long now) {
        List<Node> nodes = memberlist.allNodes().stream().sorted(Comparator.comparing(Node::name)).toList();
        states.keySet().retainAll(nodes.stream().map(Node::name).toList());
        List<MemberView> members = nodes.stream()
                .map(node -> MemberView.of(node, since(node, now), traffic.lastRttMicros(node.name())))
                .toList();
        return new ClusterView(memberlist.localNode().name(), memberlist.healthScore(), MemberCounts.of(nodes), members);
    }

    private long since(Node node, long now) {
        StateSince known = states.get(node.name());
        if (known == null || known.state() != node.state()) {
            known = new StateSince(node.state(), now);
            states.put(node.name(), known);
        }
        return known.sinceMillis();
    }

    private record StateSince(NodeState state, long sinceMillis) {
    }
}
