package dev.memberlist.engine;

import dev.memberlist.state.NodeRecord;
import dev.memberlist.transport.Transport;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The four things from outside the engine: time, the task queue, the network and randomness.
 * Production wires the system clock, one engine thread and Netty; simulations wire virtual time,
 * an in-memory network and a seeded generator, which makes every run repeatable.
 *
 * @param clock monotonic time
 * @param scheduler the engine thread (or its simulation)
 * @param transport the network
 * @param random drives probe order, relay and gossip targets, and timer staggering; engine thread only
 * @param knownNodes nodes the engine knows from its start, as a finished join would have taught
 *     them, without join events or broadcasts: simulations start large clusters converged this way,
 *     and every engine holds these very (immutable) records until one of them changes. Entries
 *     named like the local node are skipped. Production passes none.
 */
public record EngineSeams(Clock clock, Scheduler scheduler, Transport transport, RandomGenerator random,
                          List<NodeRecord> knownNodes) {

    /** Validates the fields. */
    public EngineSeams {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(random, "random");
        knownNodes = List.copyOf(knownNodes);
    }

    /**
     * Seams for an engine that starts knowing no one but itself.
     *
     * @param clock monotonic time
     * @param scheduler the engine thread (or its simulation)
     * @param transport the network
     * @param random drives probe order, relay and gossip targets, and timer staggering
     */
    public EngineSeams(Clock clock, Scheduler scheduler, Transport transport, RandomGenerator random) {
        this(clock, scheduler, transport, random, List.of());
    }
}
