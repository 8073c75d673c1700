package dev.memberlist.state;

import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.engine.Clock;
import dev.memberlist.engine.Scheduler;
import dev.memberlist.internal.ClusterMath;
import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Dead;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.Suspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The SWIM/Lifeguard state rules (Go's {@code aliveNode}, {@code suspectNode}, {@code deadNode},
 * {@code refute} and {@code mergeState}): how alive, suspect and dead messages change the
 * {@link NodeTable}, when the local node refutes, and when suspicions expire. Engine thread only.
 */
public final class Membership {

    private static final Logger log = LoggerFactory.getLogger(Membership.class);
    /** Incarnations are unsigned 32-bit numbers on the wire; Go's counter wraps around, and so does ours. */
    private static final long INCARNATION_MASK = 0xffff_ffffL;

    private final MembershipSettings settings;
    private final NodeTable table;
    private final Clock clock;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final MembershipListener listener;
    private final Map<String, Suspicion> suspicions = new HashMap<>();
    private long localIncarnation;
    /** Written on the engine thread, read by {@link #hasLeft} from any thread. */
    private volatile boolean left;

    /**
     * @param settings the configuration
     * @param table the node table to maintain
     * @param clock engine time
     * @param scheduler runs suspicion timers
     * @param random picks insert positions
     * @param listener broadcasts and state-change events go here
     */
    public Membership(MembershipSettings settings, NodeTable table, Clock clock, Scheduler scheduler,
                      RandomGenerator random, MembershipListener listener) {
        this.settings = settings;
        this.table = table;
        this.clock = clock;
        this.scheduler = scheduler;
        this.random = random;
        this.listener = listener;
    }

    /** @return the local node's record (present once {@link #announceLocal} has run) */
    public NodeRecord local() {
        return table.get(settings.localName()).orElseThrow(() -> new IllegalStateException("local node not announced"));
    }

    /** @return whether {@link #leave} has run; safe from any thread */
    public boolean hasLeft() {
        return left;
    }

    /**
     * Announces the local node with the next incarnation, at start-up and on metadata updates (Go's
     * {@code setAlive} and {@code UpdateNode}).
     *
     * @param addr the advertised address
     * @param port the advertised port
     * @param meta the metadata
     * @param versions the advertised versions
     * @param onFinished run when the announcement has been gossiped enough; may be null
     */
    public void announceLocal(Bytes addr, int port, Bytes meta, ProtocolVersions versions, Runnable onFinished) {
        Alive alive = new Alive(nextIncarnation(), settings.localName(), addr, port, meta, Versions.toBytes(versions));
        aliveNode(alive, onFinished, true);
    }

    /**
     * Marks the local node as left and queues the announcement (Go's {@code Leave}).
     *
     * @param onFinished run once the leave message has been gossiped enough
     */
    public void leave(Runnable onFinished) {
        left = true;
        NodeRecord self = local();
        deadNode(new Dead(self.incarnation(), self.name(), self.name()), onFinished);
    }

    /** @return whether any node other than the local one is alive or suspect */
    public boolean anyOtherMember() {
        for (NodeRecord record : table.records()) {
            if (!record.isDeadOrLeft() && !record.name().equals(settings.localName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies an alive message (Go's {@code aliveNode}).
     *
     * @param alive the message
     * @param onFinished run when the resulting broadcast finishes; may be null
     * @param bootstrap whether this is the local node announcing itself
     */
    public void aliveNode(Alive alive, Runnable onFinished, boolean bootstrap) {
        boolean isLocal = alive.node().equals(settings.localName());
        if (left && isLocal) {
            return;
        }
        if (alive.vsn().length() >= 3 && !Versions.plausible(alive.vsn())) {
            log.warn("Ignoring alive for {} because its protocol versions are wrong: {}", alive.node(), alive.vsn());
            return;
        }
        if (alive.addr().length() != 4 && alive.addr().length() != 16) {
            log.warn("Ignoring alive for {} with a {}-byte address", alive.node(), alive.addr().length());
            return;
        }
        // Most alive messages repeat what is known; the candidate is only built when something needs it.
        Optional<String> veto = listener.vetoAlive(() -> candidate(alive));
        if (veto.isPresent()) {
            log.warn("Ignoring alive for {}: {}", alive.node(), veto.get());
            return;
        }

        long now = clock.nanoTime();
        NodeRecord current = table.get(alive.node()).orElse(null);
        boolean takesOverAddress = false;
        if (current == null) {
            NodeRecord candidate = candidate(alive);
            if (!listener.addressAllowed(candidate)) {
                log.warn("Rejected node {}: address not allowed", describe(candidate));
                return;
            }
            // Interned: the node table, the gossip queue and every later record share one name, and
            // so do all the engines of one JVM (thousands in a simulation).
            current = new NodeRecord(alive.node().intern(), alive.addr(), alive.port(), alive.meta(),
                    candidate.versions(), 0, NodeState.DEAD, NodeRecord.NEVER);
            table.insert(current, random);
        } else if (!current.addr().equals(alive.addr()) || current.port() != alive.port()) {
            NodeRecord candidate = candidate(alive);
            if (!listener.addressAllowed(candidate)) {
                log.warn("Rejected address change of {} to {}: address not allowed", describe(current), describe(candidate));
                return;
            }
            boolean reclaimable = settings.deadNodeReclaimNanos() > 0
                    && now - current.stateChangeNanos() > settings.deadNodeReclaimNanos();
            if (current.state() == NodeState.LEFT || (current.state() == NodeState.DEAD && reclaimable)) {
                log.info("Updating address of left or failed node {} to {}", describe(current), describe(candidate));
                takesOverAddress = true;
            } else {
                log.error("Conflicting address for {}: mine {}, theirs {}, old state {}",
                        current.name(), describe(current), describe(candidate), current.state());
                listener.conflict(current, candidate);
                return;
            }
        }

        if (!isLocal && !takesOverAddress && alive.incarnation() <= current.incarnation()) {
            return;
        }
        if (isLocal && alive.incarnation() < current.incarnation()) {
            return;
        }
        cancelSuspicion(alive.node());

        NodeState oldState = current.state();
        Bytes oldMeta = current.meta();
        NodeRecord updated;
        if (!bootstrap && isLocal) {
            if (alive.incarnation() == current.incarnation() && alive.meta().equals(current.meta())
                    && alive.vsn().equals(Versions.toBytes(current.versions()))) {
                return;
            }
            log.warn("Refuting an alive message for {} (meta {} vs {}, vsn {} vs {})", describe(candidate(alive)),
                    alive.meta(), current.meta(), alive.vsn(), Versions.toBytes(current.versions()));
            updated = refute(current, alive.incarnation());
        } else {
            listener.broadcast(current.name(), alive, onFinished);
            boolean becomesAlive = current.state() != NodeState.ALIVE;
            // Equal parts keep the instances already held, so a record costs one copy of each
            // (parsed versions are shared by Versions.parse itself).
            updated = new NodeRecord(current.name(), sameOr(current.addr(), alive.addr()), alive.port(),
                    sameOr(current.meta(), alive.meta()), Versions.parse(alive.vsn()).orElse(current.versions()),
                    alive.incarnation(), NodeState.ALIVE, becomesAlive ? now : current.stateChangeNanos());
            table.replace(updated);
        }

        if (oldState.isDeadOrLeft()) {
            listener.joined(updated);
        } else if (!oldMeta.equals(updated.meta())) {
            listener.updated(updated);
        }
    }

    /**
     * Applies a suspect message (Go's {@code suspectNode}).
     *
     * @param suspect the message
     */
    public void suspectNode(Suspect suspect) {
        NodeRecord current = table.get(suspect.node()).orElse(null);
        if (current == null || suspect.incarnation() < current.incarnation()) {
            return;
        }
        Suspicion existing = suspicions.get(suspect.node());
        if (existing != null) {
            if (existing.confirm(suspect.from(), clock.nanoTime())) {
                listener.broadcast(suspect.node(), suspect, null);
            }
            return;
        }
        if (current.state() != NodeState.ALIVE) {
            return;
        }
        if (current.name().equals(settings.localName())) {
            log.warn("Refuting a suspect message from {}", suspect.from());
            refute(current, suspect.incarnation());
            return;
        }
        listener.broadcast(suspect.node(), suspect, null);

        long now = clock.nanoTime();
        NodeRecord suspected = current.withState(suspect.incarnation(), NodeState.SUSPECT, now);
        table.replace(suspected);
        listener.suspected(suspected);
        startSuspicion(suspected, suspect.from());
    }

    /**
     * Applies a dead message (Go's {@code deadNode}).
     *
     * @param dead the message
     */
    public void deadNode(Dead dead) {
        deadNode(dead, null);
    }

    private void deadNode(Dead dead, Runnable onFinished) {
        NodeRecord current = table.get(dead.node()).orElse(null);
        if (current == null || dead.incarnation() < current.incarnation()) {
            return;
        }
        cancelSuspicion(dead.node());
        if (current.isDeadOrLeft()) {
            return;
        }
        if (current.name().equals(settings.localName()) && !left) {
            log.warn("Refuting a dead message from {}", dead.from());
            refute(current, dead.incarnation());
            return;
        }
        listener.broadcast(dead.node(), dead, onFinished);
        NodeRecord gone = current.withState(dead.incarnation(), dead.isLeave() ? NodeState.LEFT : NodeState.DEAD,
                clock.nanoTime());
        table.replace(gone);
        listener.left(gone);
    }

    /**
     * Merges a remote node table from push/pull (Go's {@code mergeState}): alive entries as alive
     * messages, left entries as leaves, and dead or suspect entries only as suspicions, since a
     * remote death is never trusted directly.
     *
     * @param remote the remote entries, ports already fixed up
     */
    public void merge(List<PushNodeState> remote) {
        listener.merging(() -> mergeEntries(remote));
    }

    private void mergeEntries(List<PushNodeState> remote) {
        for (PushNodeState entry : remote) {
            switch (entry.state()) {
                case PushNodeState.STATE_ALIVE -> aliveNode(new Alive(entry.incarnation(), entry.name(), entry.addr(),
                        entry.port(), entry.meta(), entry.vsn()), null, false);
                case PushNodeState.STATE_LEFT -> deadNode(new Dead(entry.incarnation(), entry.name(), entry.name()));
                case PushNodeState.STATE_DEAD, PushNodeState.STATE_SUSPECT ->
                        suspectNode(new Suspect(entry.incarnation(), entry.name(), settings.localName()));
                default -> log.debug("Ignoring push/pull entry {} in unknown state {}", entry.name(), entry.state());
            }
        }
    }

    /** Stops every suspicion timer, at shutdown. */
    public void cancelAllSuspicions() {
        suspicions.values().forEach(Suspicion::cancel);
        suspicions.clear();
    }

    private void startSuspicion(NodeRecord suspected, String accuser) {
        int k = settings.suspicionMult() - 2;
        int n = table.size();
        if (n - 2 < k) {
            k = 0;
        }
        long minNanos = ClusterMath.suspicionTimeoutNanos(settings.suspicionMult(), n, settings.probeIntervalNanos());
        long maxNanos = settings.suspicionMaxTimeoutMult() * minNanos;
        int expected = k;
        long changedAt = suspected.stateChangeNanos();
        Suspicion suspicion = new Suspicion(accuser, k, minNanos, maxNanos, changedAt, scheduler,
                confirmations -> suspicionExpired(suspected.name(), changedAt, expected, confirmations));
        suspicions.put(suspected.name(), suspicion);
    }

    private void suspicionExpired(String name, long changedAt, int expected, int confirmations) {
        suspicions.remove(name);
        NodeRecord current = table.get(name).orElse(null);
        if (current == null || current.state() != NodeState.SUSPECT || current.stateChangeNanos() != changedAt) {
            return;
        }
        if (expected > 0 && confirmations < expected) {
            listener.degradedSuspicionTimeout(current);
        }
        log.info("Marking {} as failed, suspect timeout reached ({} peer confirmations)", name, confirmations);
        deadNode(new Dead(current.incarnation(), name, settings.localName()));
    }

    private void cancelSuspicion(String name) {
        Suspicion suspicion = suspicions.remove(name);
        if (suspicion != null) {
            suspicion.cancel();
        }
    }

    /**
     * Raises the local incarnation above the accusation, in Go's unsigned 32-bit arithmetic: an
     * accusation at the largest incarnation wraps the counter to 0, as Go's does, rather than
     * leaving the node with an incarnation no message can carry.
     */
    private NodeRecord refute(NodeRecord self, long accusedIncarnation) {
        long incarnation = nextIncarnation();
        if (accusedIncarnation >= incarnation) {
            incarnation = skipIncarnation(accusedIncarnation - incarnation + 1);
        }
        NodeRecord refuted = self.withIncarnation(incarnation);
        table.replace(refuted);
        listener.refuted();
        listener.broadcast(self.name(), new Alive(incarnation, self.name(), self.addr(), self.port(), self.meta(),
                Versions.toBytes(self.versions())), null);
        return refuted;
    }

    private long nextIncarnation() {
        return skipIncarnation(1);
    }

    private long skipIncarnation(long offset) {
        localIncarnation = (localIncarnation + offset) & INCARNATION_MASK;
        return localIncarnation;
    }

    private static NodeRecord candidate(Alive alive) {
        return new NodeRecord(alive.node(), alive.addr(), alive.port(), alive.meta(),
                Versions.parse(alive.vsn()).orElse(ProtocolVersions.UNKNOWN), alive.incarnation(), NodeState.ALIVE,
                NodeRecord.NEVER);
    }

    private static <T> T sameOr(T held, T received) {
        return held.equals(received) ? held : received;
    }

    private static String describe(NodeRecord record) {
        return record.name() + " (" + NodeRecord.inetAddress(record.addr()).getHostAddress() + ":" + record.port() + ")";
    }
}
