package dev.memberlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread-safe {@link Telemetry} spy that counts dropped input and output by reason, probes by
 * outcome and datagrams sent, and keeps the name of every node suspected.
 */
public final class RecordingTelemetry implements Telemetry {

    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outputDropped = new ConcurrentHashMap<>();
    private final Map<ProbeOutcome, LongAdder> probes = new ConcurrentHashMap<>();
    private final List<String> suspected = new CopyOnWriteArrayList<>();
    private final LongAdder datagramsSent = new LongAdder();

    @Override
    public void inputDropped(String reason) {
        dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    @Override
    public void outputDropped(String reason) {
        outputDropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    @Override
    public void nodeSuspected(String node) {
        suspected.add(node);
    }

    @Override
    public void probeCompleted(ProbeOutcome outcome, Duration duration) {
        probes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    @Override
    public void bytesSent(String channel, int bytes) {
        if (channel.equals("udp")) {
            datagramsSent.increment();
        }
    }

    /** @return how many datagrams the engine handed to its transport */
    public long datagramsSent() {
        return datagramsSent.sum();
    }

    /**
     * @param reason the reason label
     * @return how often input was dropped for it
     */
    public long dropped(String reason) {
        LongAdder count = dropped.get(reason);
        return count == null ? 0 : count.sum();
    }

    /**
     * @param outcome a probe outcome
     * @return how many probe rounds ended so
     */
    public long probes(ProbeOutcome outcome) {
        LongAdder count = probes.get(outcome);
        return count == null ? 0 : count.sum();
    }

    /** @return every reason input was dropped for, with counts */
    public Map<String, Long> droppedByReason() {
        return sums(dropped);
    }

    /** @return every reason output was dropped for, with counts */
    public Map<String, Long> outputDroppedByReason() {
        return sums(outputDropped);
    }

    /**
     * @param reason the reason label
     * @return how often output was dropped for it
     */
    public long outputDroppedFor(String reason) {
        LongAdder count = outputDropped.get(reason);
        return count == null ? 0 : count.sum();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new ConcurrentHashMap<>();
        counts.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }

    /** @return the nodes suspected so far, in order, once per suspicion */
    public List<String> suspected() {
        return List.copyOf(suspected);
    }
}
