package dev.memberlist.spring.autoconfigure;

import dev.memberlist.Telemetry;

import java.time.Duration;
import java.util.List;

/** Reports every measurement to each of several {@link Telemetry} beans. */
final class CompositeTelemetry implements Telemetry {

    private final List<Telemetry> parts;

    private CompositeTelemetry(List<Telemetry> parts) {
        this.parts = List.copyOf(parts);
    }

    static Telemetry of(List<Telemetry> parts) {
        if (parts.isEmpty()) {
            return Telemetry.NOOP;
        }
        return parts.size() == 1 ? parts.get(0) : new CompositeTelemetry(parts);
    }

    @Override
    public void probeCompleted(ProbeOutcome outcome, Duration duration) {
        parts.forEach(part -> part.probeCompleted(outcome, duration));
    }

    @Override
    public void probeRtt(String node, Duration rtt) {
        parts.forEach(part -> part.probeRtt(node, rtt));
    }

    @Override
    public void degradedProbe() {
        parts.forEach(Telemetry::degradedProbe);
    }

    @Override
    public void messageSent(String type) {
        parts.forEach(part -> part.messageSent(type));
    }

    @Override
    public void messageReceived(String type) {
        parts.forEach(part -> part.messageReceived(type));
    }

    @Override
    public void bytesSent(String channel, int bytes) {
        parts.forEach(part -> part.bytesSent(channel, bytes));
    }

    @Override
    public void bytesReceived(String channel, int bytes) {
        parts.forEach(part -> part.bytesReceived(channel, bytes));
    }

    @Override
    public void inputDropped(String reason) {
        parts.forEach(part -> part.inputDropped(reason));
    }

    @Override
    public void nodeReaped(String node) {
        parts.forEach(part -> part.nodeReaped(node));
    }

    @Override
    public void outputDropped(String reason) {
        parts.forEach(part -> part.outputDropped(reason));
    }

    @Override
    public void nodeSuspected(String node) {
        parts.forEach(part -> part.nodeSuspected(node));
    }

    @Override
    public void degradedSuspicionTimeout() {
        parts.forEach(Telemetry::degradedSuspicionTimeout);
    }

    @Override
    public void nodeDeparted(String node, DepartureReason reason) {
        parts.forEach(part -> part.nodeDeparted(node, reason));
    }

    @Override
    public void pushPullCompleted(boolean join, boolean success, Duration duration) {
        parts.forEach(part -> part.pushPullCompleted(join, success, duration));
    }

    @Override
    public void healthScoreChanged(int score) {
        parts.forEach(part -> part.healthScoreChanged(score));
    }

    @Override
    public void broadcastQueueDepth(int depth) {
        parts.forEach(part -> part.broadcastQueueDepth(depth));
    }
}
