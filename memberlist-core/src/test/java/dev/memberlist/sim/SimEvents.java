package dev.memberlist.sim;

import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.ConflictDelegate;
import dev.memberlist.delegate.EventDelegate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Every event every simulated node observed, in order. Not thread-safe (simulations are single-threaded). */
public final class SimEvents {

    private final SimulatedScheduler scheduler;
    private final List<SimEvent> events = new ArrayList<>();
    private final Map<String, Long> inputDrops = new HashMap<>();

    SimEvents(SimulatedScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @return every event so far */
    public List<SimEvent> all() {
        return List.copyOf(events);
    }

    /**
     * @param filter which events
     * @return the matching events so far
     */
    public List<SimEvent> matching(Predicate<SimEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    /**
     * @param kind an event kind
     * @param subject a node name
     * @return events of that kind about that node
     */
    public List<SimEvent> about(SimEvent.Kind kind, String subject) {
        return matching(e -> e.kind() == kind && e.subject().equals(subject));
    }

    /**
     * @param observer a node
     * @param reason a reason {@link dev.memberlist.Telemetry#inputDropped} reports, e.g. {@code handoff_queue_full}
     * @return how much inbound input the node dropped for that reason
     */
    public long inputDropped(String observer, String reason) {
        return inputDrops.getOrDefault(observer + "/" + reason, 0L);
    }

    /**
     * @param observer a node
     * @return how much inbound input the node dropped, for any reason
     */
    public long inputDropped(String observer) {
        return inputDrops.entrySet().stream().filter(e -> e.getKey().startsWith(observer + "/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    void record(String observer, SimEvent.Kind kind, String subject) {
        events.add(new SimEvent(scheduler.nanoTime(), observer, kind, subject));
    }

    EventDelegate eventDelegate(String observer) {
        return new EventDelegate() {
            @Override
            public void notifyJoin(Node node) {
                record(observer, SimEvent.Kind.JOINED, node.name());
            }

            @Override
            public void notifyLeave(Node node) {
                record(observer, node.state() == NodeState.LEFT ? SimEvent.Kind.LEFT : SimEvent.Kind.DIED, node.name());
            }

            @Override
            public void notifyUpdate(Node node) {
                record(observer, SimEvent.Kind.UPDATED, node.name());
            }
        };
    }

    ConflictDelegate conflictDelegate(String observer) {
        return (existing, other) -> record(observer, SimEvent.Kind.CONFLICT, existing.name());
    }

    Telemetry telemetry(String observer) {
        return new Telemetry() {
            @Override
            public void nodeSuspected(String node) {
                record(observer, SimEvent.Kind.SUSPECTED, node);
            }

            @Override
            public void inputDropped(String reason) {
                inputDrops.merge(observer + "/" + reason, 1L, Long::sum);
            }
        };
    }
}
