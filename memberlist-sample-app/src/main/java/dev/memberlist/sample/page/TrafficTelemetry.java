package dev.memberlist.sample.page;

import dev.memberlist.Telemetry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the cluster page charts that memberlist reports through {@link Telemetry}: protocol
 * messages and bytes in each direction, and each node's last probe round-trip time. The starter
 * hands every {@code Telemetry} bean to the node, so this is all an application needs to watch
 * its traffic without Micrometer. Thread-safe: memberlist calls it on its engine thread, the
 * page's sampler reads it on another.
 */
@Component
class TrafficTelemetry implements Telemetry {

    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final Map<String, Long> lastRttMicros = new ConcurrentHashMap<>();

    @Override
    public void messageSent(String type) {
        messagesSent.increment();
    }

    @Override
    public void messageReceived(String type) {
        messagesReceived.increment();
    }

    @Override
    public void bytesSent(String channel, int bytes) {
        bytesSent.add(bytes);
    }

    @Override
    public void bytesReceived(String channel, int bytes) {
        bytesReceived.add(bytes);
    }

    @Override
    public void probeRtt(String node, Duration rtt) {
        lastRttMicros.put(node, rtt.toNanos() / 1_000);
    }

    @Override
    public void nodeDeparted(String node, DepartureReason reason) {
        lastRttMicros.remove(node);
    }

    /** @return the totals so far, for rates between two samples */
    Totals totals() {
        return new Totals(messagesSent.sum(), messagesReceived.sum(), bytesSent.sum(), bytesReceived.sum());
    }

    /**
     * @param node a node's name
     * @return the round-trip time of its last answered probe, in microseconds
     */
    OptionalLong lastRttMicros(String node) {
        Long micros = lastRttMicros.get(node);
        return micros == null ? OptionalLong.empty() : OptionalLong.of(micros);
    }

    /**
     * Running totals of protocol traffic.
     *
     * @param messagesSent protocol messages sent
     * @param messagesReceived protocol messages received
     * @param bytesSent bytes sent, UDP and TCP
     * @param bytesReceived bytes received, UDP and TCP
     */
    record Totals(long messagesSent, long messagesReceived, long bytesSent, long bytesReceived) {
    }
}
