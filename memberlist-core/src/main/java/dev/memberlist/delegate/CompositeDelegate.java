package dev.memberlist.delegate;

import dev.memberlist.Node;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All delegates in one object, assembled from parts: the engine calls this, and it forwards each
 * call to the part that handles it, or does nothing when no part was given. Immutable and
 * thread-safe if its parts are.
 */
public final class CompositeDelegate extends ForwardingDelegate implements EventDelegate, ConflictDelegate,
        MergeDelegate, AliveDelegate, PingDelegate {

    private static final Delegate NO_DELEGATE = new Delegate() { };
    private static final EventDelegate NO_EVENTS = new EventDelegate() { };
    private static final PingDelegate NO_PING = new PingDelegate() { };

    private final EventDelegate events;
    private final Optional<ConflictDelegate> conflict;
    private final Optional<MergeDelegate> merge;
    private final Optional<AliveDelegate> alive;
    private final PingDelegate ping;

    private CompositeDelegate(Builder builder) {
        super(builder.delegate);
        this.events = builder.events;
        this.conflict = Optional.ofNullable(builder.conflict);
        this.merge = Optional.ofNullable(builder.merge);
        this.alive = Optional.ofNullable(builder.alive);
        this.ping = builder.ping;
    }

    /** @return a builder with no parts */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a composite with no parts, which ignores every call */
    public static CompositeDelegate none() {
        return builder().build();
    }

    /** @return a builder holding this composite's parts */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.delegate = forwardee();
        builder.events = events;
        builder.conflict = conflict.orElse(null);
        builder.merge = merge.orElse(null);
        builder.alive = alive.orElse(null);
        builder.ping = ping;
        return builder;
    }

    /** @return whether an alive filter was given (alive messages without versions are then ignored, as in Go) */
    public boolean hasAliveDelegate() {
        return alive.isPresent();
    }

    @Override
    public void notifyJoin(Node node) {
        events.notifyJoin(node);
    }

    @Override
    public void notifyLeave(Node node) {
        events.notifyLeave(node);
    }

    @Override
    public void notifyUpdate(Node node) {
        events.notifyUpdate(node);
    }

    @Override
    public void notifyConflict(Node existing, Node other) {
        conflict.ifPresent(c -> c.notifyConflict(existing, other));
    }

    /** @return whether a merge filter was given (push/pull entries are then shown to it, as in Go) */
    public boolean hasMergeDelegate() {
        return merge.isPresent();
    }

    @Override
    public Verdict notifyMerge(List<Node> peers) {
        return merge.map(m -> m.notifyMerge(peers)).orElse(Verdict.accept());
    }

    @Override
    public Verdict notifyAlive(Node peer) {
        return alive.map(a -> a.notifyAlive(peer)).orElse(Verdict.accept());
    }

    @Override
    public byte[] ackPayload() {
        return ping.ackPayload();
    }

    @Override
    public void notifyPingComplete(Node other, Duration rtt, byte[] payload) {
        ping.notifyPingComplete(other, rtt, payload);
    }

    /** Assembles a {@link CompositeDelegate}; every part is optional. Not thread-safe. */
    public static final class Builder {
        private Delegate delegate = NO_DELEGATE;
        private EventDelegate events = NO_EVENTS;
        private ConflictDelegate conflict;
        private MergeDelegate merge;
        private AliveDelegate alive;
        private PingDelegate ping = NO_PING;

        private Builder() {
        }

        /**
         * @param delegate metadata, user messages, broadcasts and user state
         * @return this builder
         */
        public Builder delegate(Delegate delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            return this;
        }

        /**
         * @param events membership events
         * @return this builder
         */
        public Builder events(EventDelegate events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * @param conflict name-conflict notifications
         * @return this builder
         */
        public Builder conflict(ConflictDelegate conflict) {
            this.conflict = Objects.requireNonNull(conflict, "conflict");
            return this;
        }

        /**
         * @param merge the merge filter
         * @return this builder
         */
        public Builder merge(MergeDelegate merge) {
            this.merge = Objects.requireNonNull(merge, "merge");
            return this;
        }

        /**
         * @param alive the alive filter
         * @return this builder
         */
        public Builder alive(AliveDelegate alive) {
            this.alive = Objects.requireNonNull(alive, "alive");
            return this;
        }

        /**
         * @param ping ack payloads and round-trip times
         * @return this builder
         */
        public Builder ping(PingDelegate ping) {
            this.ping = Objects.requireNonNull(ping, "ping");
            return this;
        }

        /** @return the composite */
        public CompositeDelegate build() {
            return new CompositeDelegate(this);
        }
    }
}
