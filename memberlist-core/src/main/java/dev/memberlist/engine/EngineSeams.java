package dev.memberlist.engine;

import dev.memberlist.transport.Transport;

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
 */
public record EngineSeams(Clock clock, Scheduler scheduler, Transport transport, RandomGenerator random) {

    /** Validates the fields. */
    public EngineSeams {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(random, "random");
    }
}
