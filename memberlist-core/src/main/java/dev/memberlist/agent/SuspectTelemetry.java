package dev.memberlist.agent;

import dev.memberlist.Telemetry;

/**
 * Prints {@code suspect} when this node starts suspecting another, whether its own probe failed or
 * gossip said so. gopeer scrapes the same moment from Go's log, where only the failed probe shows.
 */
final class SuspectTelemetry implements Telemetry {

    private final EventWriter events;

    SuspectTelemetry(EventWriter events) {
        this.events = events;
    }

    @Override
    public void nodeSuspected(String node) {
        events.emit("suspect", "node", node);
    }
}
