package dev.memberlist.sim;

import dev.memberlist.wire.MessageType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What work costs a simulated node, in virtual time on the shared clock. A node with a cost model
 * runs its tasks one after another, as the single engine thread does: each task occupies the node
 * for its cost, and what it sends leaves at the end. Work that arrives while the node is busy waits,
 * so a node's backlog grows with its load.
 *
 * <p>A task costs {@link Builder#perTask} (timers, commands, continuations, each packet and stream),
 * plus {@link Builder#perByte} for every byte of an inbound packet or stream (decryption,
 * decompression, decoding), plus {@link Builder#perMessage} for each message of a given type an
 * inbound packet holds, compounds and compression unwrapped (decoding, merging gossip). The
 * application's own work on a user message, {@link Builder#userMessage}, is charged where the engine
 * hands the message to its {@code Delegate}, which need not be the task that received the packet:
 * an engine that answers probes first and applies user messages later shows that in the simulation.
 * Immutable.
 */
public final class CostModel {

    private static final CostModel FREE = builder().build();

    private final long perTaskNanos;
    private final long perByteNanos;
    private final Map<MessageType, Long> perMessageNanos;
    private final long userMessageNanos;

    private CostModel(Builder builder) {
        this.perTaskNanos = builder.perTaskNanos;
        this.perByteNanos = builder.perByteNanos;
        this.perMessageNanos = Map.copyOf(builder.perMessageNanos);
        this.userMessageNanos = builder.userMessageNanos;
    }

    /** @return a model in which work takes no time, as in a simulation without one */
    public static CostModel free() {
        return FREE;
    }

    /** @return a builder, every cost zero */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether every cost is zero */
    public boolean isFree() {
        return perTaskNanos == 0 && perByteNanos == 0 && userMessageNanos == 0
                && perMessageNanos.values().stream().allMatch(n -> n == 0);
    }

    /** @return the cost of a task that handles no inbound bytes: a timer, a command, a continuation */
    public long taskNanos() {
        return perTaskNanos;
    }

    /**
     * @param types the messages an inbound packet holds, in any order; empty when it cannot be read
     * @param bytes the packet's size
     * @return the cost of handling it
     */
    public long packetNanos(List<MessageType> types, int bytes) {
        long nanos = perTaskNanos + perByteNanos * bytes;
        for (MessageType type : types) {
            nanos += perMessageNanos.getOrDefault(type, 0L);
        }
        return nanos;
    }

    /**
     * @param bytes an inbound stream's request size
     * @return the cost of handling it
     */
    public long streamNanos(int bytes) {
        return perTaskNanos + perByteNanos * bytes;
    }

    /** @return the application's work on one user message its delegate receives */
    public long userMessageNanos() {
        return userMessageNanos;
    }

    @Override
    public String toString() {
        return "CostModel[perTask=" + perTaskNanos + "ns, perByte=" + perByteNanos + "ns, perMessage=" + perMessageNanos
                + ", userMessage=" + userMessageNanos + "ns]";
    }

    /** Configures a {@link CostModel}. */
    public static final class Builder {
        private long perTaskNanos;
        private long perByteNanos;
        private final Map<MessageType, Long> perMessageNanos = new EnumMap<>(MessageType.class);
        private long userMessageNanos;

        private Builder() {
        }

        /** @param value the fixed cost of every task @return this builder */
        public Builder perTask(Duration value) {
            perTaskNanos = nonNegative(value);
            return this;
        }

        /** @param value the cost of every inbound byte, packets and streams @return this builder */
        public Builder perByte(Duration value) {
            perByteNanos = nonNegative(value);
            return this;
        }

        /**
         * @param type a message type
         * @param value the extra cost of each message of that type in an inbound packet
         * @return this builder
         */
        public Builder perMessage(MessageType type, Duration value) {
            perMessageNanos.put(type, nonNegative(value));
            return this;
        }

        /**
         * @param value what the application's delegate spends on each user message it receives,
         *     charged to the task that hands it over
         * @return this builder
         */
        public Builder userMessage(Duration value) {
            userMessageNanos = nonNegative(value);
            return this;
        }

        /** @return the model */
        public CostModel build() {
            return new CostModel(this);
        }

        private static long nonNegative(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("a cost cannot be negative: " + value);
            }
            return value.toNanos();
        }
    }
}
