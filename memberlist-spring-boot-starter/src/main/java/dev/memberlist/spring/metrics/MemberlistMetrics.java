package dev.memberlist.spring.metrics;

import dev.memberlist.Memberlist;
import dev.memberlist.NodeState;
import dev.memberlist.Telemetry;
import dev.memberlist.spring.MemberCounts;
import dev.memberlist.spring.MemberlistTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Memberlist meters. Gauges read the node when the registry asks; counters and timers are fed by
 * memberlist through {@link Telemetry}, which this class implements (measurements made before
 * {@link #bindTo} are not recorded).
 *
 * <ul>
 * <li>{@code memberlist.members} (gauge, tag {@code state}: alive, suspect, dead, left)</li>
 * <li>{@code memberlist.health.score} (gauge; 0 is healthy)</li>
 * <li>{@code memberlist.broadcast.queue} (gauge, queued broadcasts as last sampled)</li>
 * <li>{@code memberlist.probe.rtt} (timer; tag {@code node} only when asked for, and then removed
 * when the node is forgotten)</li>
 * <li>{@code memberlist.probes} (timer, tag {@code outcome}: direct_ack, indirect_ack, tcp_fallback, failed)</li>
 * <li>{@code memberlist.messages.sent}, {@code memberlist.messages.received} (counters, tag {@code type})</li>
 * <li>{@code memberlist.bytes.sent}, {@code memberlist.bytes.received} (counters, tag {@code transport}: udp, tcp)</li>
 * <li>{@code memberlist.pushpull} (timer, tags {@code join}: true, false and {@code outcome}: success, failure)</li>
 * <li>{@code memberlist.suspicions} (counter)</li>
 * <li>{@code memberlist.deaths} (counter, tag {@code reason}: failed, left)</li>
 * <li>{@code memberlist.input.dropped} (counter, tag {@code reason}; input dropped unused: malformed,
 * not allowed, or no room for it; see {@link Telemetry#inputDropped})</li>
 * <li>{@code memberlist.messages.dropped} (counter, tag {@code reason}; outbound user messages dropped
 *     before they were sent, e.g. {@code user_send_queue_full})</li>
 * <li>{@code memberlist.degraded} (counter, tag {@code reason}: probe, suspicion_timeout)</li>
 * </ul>
 */
public final class MemberlistMetrics implements MeterBinder, MemberlistTelemetry {
    private final Supplier<Memberlist> memberlist;
    private final boolean probeRttPerNode;
    private final AtomicInteger broadcastQueue = new AtomicInteger();
    private volatile @Nullable Meters meters;

    /**
     * @param memberlist the node, looked up when a gauge is read (the node reports to this
     *     telemetry, so it is created after it)
     * @param probeRttPerNode whether to tag the probe round-trip timer with the probed node's name
     */
    public MemberlistMetrics(Supplier<Memberlist> memberlist, boolean probeRttPerNode) {
        this.memberlist = memberlist;
        this.probeRttPerNode = probeRttPerNode;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (NodeState state : NodeState.values()) {
            Gauge.builder("memberlist.members", this, metrics -> metrics.count(state))
                    .tag("state", lowerCase(state))
                    .description("Known nodes in the state, the local node included")
                    .register(registry);
        }
        Gauge.builder("memberlist.health.score", this, metrics -> metrics.memberlist.get().healthScore())
                .description("Lifeguard local health score; 0 is healthy")
                .register(registry);
        Gauge.builder("memberlist.broadcast.queue", broadcastQueue, AtomicInteger::get)
                .description("Broadcasts waiting to be gossiped, as last sampled")
                .register(registry);
        Meters bound = new Meters(registry);
        // Registered up front, so they are listed before the first suspicion and the first probe.
        bound.counter("memberlist.suspicions", Tags.empty());
        if (!probeRttPerNode) {
            bound.timer("memberlist.probe.rtt", Tags.empty());
        }
        meters = bound;
    }

    @Override
    public void probeRtt(String node, Duration rtt) {
        timer("memberlist.probe.rtt", probeRttPerNode ? Tags.of("node", node) : Tags.empty(), rtt);
    }

    @Override
    public void probeCompleted(ProbeOutcome outcome, Duration duration) {
        timer("memberlist.probes", Tags.of("outcome", lowerCase(outcome)), duration);
    }

    @Override
    public void pushPullCompleted(boolean join, boolean success, Duration duration) {
        timer("memberlist.pushpull", Tags.of("join", Boolean.toString(join), "outcome", success ? "success" : "failure"),
                duration);
    }

    @Override
    public void degradedProbe() {
        count("memberlist.degraded", Tags.of("reason", "probe"), 1);
    }

    @Override
    public void degradedSuspicionTimeout() {
        count("memberlist.degraded", Tags.of("reason", "suspicion_timeout"), 1);
    }

    @Override
    public void messageSent(String type) {
        count("memberlist.messages.sent", Tags.of("type", type), 1);
    }

    @Override
    public void messageReceived(String type) {
        count("memberlist.messages.received", Tags.of("type", type), 1);
    }

    @Override
    public void bytesSent(String channel, int bytes) {
        count("memberlist.bytes.sent", Tags.of("transport", channel), bytes);
    }

    @Override
    public void bytesReceived(String channel, int bytes) {
        count("memberlist.bytes.received", Tags.of("transport", channel), bytes);
    }

    @Override
    public void inputDropped(String reason) {
        count("memberlist.input.dropped", Tags.of("reason", reason), 1);
    }

    @Override
    public void nodeReaped(String node) {
        Meters current = meters;
        if (current != null && probeRttPerNode) {
            current.remove("memberlist.probe.rtt", Tags.of("node", node));
        }
    }

    @Override
    public void outputDropped(String reason) {
        count("memberlist.messages.dropped", Tags.of("reason", reason), 1);
    }

    @Override
    public void nodeSuspected(String node) {
        count("memberlist.suspicions", Tags.empty(), 1);
    }

    @Override
    public void nodeDeparted(String node, DepartureReason reason) {
        count("memberlist.deaths", Tags.of("reason", lowerCase(reason)), 1);
    }

    @Override
    public void broadcastQueueDepth(int depth) {
        broadcastQueue.set(depth);
    }

    private double count(NodeState state) {
        return MemberCounts.of(memberlist.get().allNodes()).count(state);
    }

    private void count(String name, Tags tags, double amount) {
        Meters current = meters;
        if (current != null) {
            current.counter(name, tags).increment(amount);
        }
    }

    private void timer(String name, Tags tags, Duration duration) {
        Meters current = meters;
        if (current != null) {
            current.timer(name, tags).record(duration);
        }
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private record Key(String name, Tags tags) {
    }

    /** The meters of the bound registry, cached by name and tags: counting must stay cheap. */
    private static final class Meters {

        private final MeterRegistry registry;
        private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
        private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

        Meters(MeterRegistry registry) {
            this.registry = registry;
        }

        Counter counter(String name, Tags tags) {
            return counters.computeIfAbsent(new Key(name, tags), key -> Counter.builder(name).tags(tags)
                    .baseUnit(name.startsWith("memberlist.bytes.") ? BaseUnits.BYTES : null)
                    .register(registry));
        }

        Timer timer(String name, Tags tags) {
            return timers.computeIfAbsent(new Key(name, tags), key -> Timer.builder(name).tags(tags).register(registry));
        }

        void remove(String name, Tags tags) {
            Timer timer = timers.remove(new Key(name, tags));
            if (timer != null) {
                registry.remove(timer);
            }
        }
    }
}
