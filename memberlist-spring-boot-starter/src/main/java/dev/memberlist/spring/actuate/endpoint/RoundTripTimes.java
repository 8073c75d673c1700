package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.spring.MemberlistTelemetry;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers the last probe round-trip time of each node, as memberlist reports it through its telemetry. */
public final class RoundTripTimes implements MemberlistTelemetry {
    private final Map<String, Long> lastRttMillis = new ConcurrentHashMap<>();

    @Override
    public void probeRtt(String node, Duration rtt) {
        lastRttMillis.put(node, rtt.toMillis());
    }

    @Override
    public void nodeDeparted(String node, DepartureReason reason) {
        lastRttMillis.remove(node);
    }

    /**
     * @param node a node's name
     * @return the round-trip time of its last answered direct probe, in milliseconds
     */
    public OptionalLong lastRttMillis(String node) {
        Long millis = lastRttMillis.get(node);
        return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
    }
}
